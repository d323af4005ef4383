package org.samannotator.core.annotation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Undo and redo stacks of {@link Edit}s, bounded to {@value #LIMIT} steps (the oldest are dropped). */
public final class UndoHistory {
    public static final int LIMIT = 500;

    private final Deque<Edit> undo = new ArrayDeque<>();
    private final Deque<Edit> redo = new ArrayDeque<>();

    /** Records a new edit; clears the redo stack. */
    public void record(Edit edit) {
        undo.push(edit);
        if (undo.size() > LIMIT) {
            undo.removeLast();
        }
        redo.clear();
    }

    /** Pops the edit to undo and moves it to the redo stack. */
    public Optional<Edit> popUndo() {
        Edit edit = undo.poll();
        if (edit != null) {
            redo.push(edit);
        }
        return Optional.ofNullable(edit);
    }

    /** Pops the edit to redo and moves it back to the undo stack. */
    public Optional<Edit> popRedo() {
        Edit edit = redo.poll();
        if (edit != null) {
            undo.push(edit);
        }
        return Optional.ofNullable(edit);
    }

    public Optional<String> undoDescription() {
        return Optional.ofNullable(undo.peek()).map(Edit::description);
    }

    public Optional<String> redoDescription() {
        return Optional.ofNullable(redo.peek()).map(Edit::description);
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    public void clear() {
        undo.clear();
        redo.clear();
    }
}
