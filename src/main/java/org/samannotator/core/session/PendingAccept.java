package org.samannotator.core.session;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Enter pressed while the candidate is still decoding: remembers the category chosen at that moment and
 * holds back later canvas input (clicks, boxes, strokes), which is replayed once the accept happened, so
 * it starts the next object instead of changing the one being accepted.
 */
final class PendingAccept {
    private Integer categoryId;
    private final List<Runnable> heldInput = new ArrayList<>();

    void request(int category) {
        categoryId = category;
    }

    boolean isPending() {
        return categoryId != null;
    }

    /** True (and the input kept for replay) while an accept is pending. */
    boolean hold(Runnable input) {
        if (categoryId == null) {
            return false;
        }
        heldInput.add(input);
        return true;
    }

    /** The category to accept with, clearing the request; empty when none was pending. */
    OptionalInt take() {
        if (categoryId == null) {
            return OptionalInt.empty();
        }
        int category = categoryId;
        categoryId = null;
        return OptionalInt.of(category);
    }

    /** Runs the held input (after the accept) and forgets it. */
    void replayHeldInput() {
        List<Runnable> replay = List.copyOf(heldInput);
        heldInput.clear();
        replay.forEach(Runnable::run);
    }

    void cancel() {
        categoryId = null;
        heldInput.clear();
    }
}
