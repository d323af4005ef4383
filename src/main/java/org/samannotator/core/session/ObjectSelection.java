package org.samannotator.core.session;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.samannotator.core.annotation.AnnotatedObject;
import org.samannotator.core.geometry.ImagePoint;

/**
 * Which object of the current image is selected (its id, or none) and which objects are hidden (a view
 * setting, not saved and not undoable). Shared by the canvas and the objects list through the session;
 * every change fires {@link SessionChange#SELECTION}. Session thread only.
 */
public final class ObjectSelection {
    private final SessionEvents events;
    private final Supplier<List<AnnotatedObject>> objects;
    private final Set<Long> hidden = new HashSet<>();
    private Long selectedId;
    private Long selectedSuggestionId;

    ObjectSelection(SessionEvents events, Supplier<List<AnnotatedObject>> objects) {
        this.events = events;
        this.objects = objects;
    }

    public Optional<Long> selectedId() {
        return Optional.ofNullable(selectedId);
    }

    /** Selects the object with {@code objectId}, or nothing (no object, no suggestion) when null. */
    public void select(Long objectId) {
        if (!Objects.equals(selectedId, objectId) || selectedSuggestionId != null) {
            selectedId = objectId;
            selectedSuggestionId = null;
            events.fire(SessionChange.SELECTION);
        }
    }

    /** The selected suggestion of the current image (accept / reject / edit act on it), if any. */
    public Optional<Long> selectedSuggestionId() {
        return Optional.ofNullable(selectedSuggestionId);
    }

    /** Selects a suggestion (and no object), or no suggestion when null. */
    public void selectSuggestion(Long suggestionId) {
        if (!Objects.equals(selectedSuggestionId, suggestionId) || suggestionId != null && selectedId != null) {
            selectedSuggestionId = suggestionId;
            if (suggestionId != null) {
                selectedId = null;
            }
            events.fire(SessionChange.SELECTION);
        }
    }

    public void setVisible(long objectId, boolean visible) {
        if (visible ? hidden.remove(objectId) : hidden.add(objectId)) {
            events.fire(SessionChange.SELECTION);
        }
    }

    public boolean isVisible(long objectId) {
        return !hidden.contains(objectId);
    }

    /** Alt+click: selects the topmost visible object containing {@code p} (ORIGINAL image pixels), or nothing. */
    public void selectAt(ImagePoint p) {
        int x = (int) Math.floor(p.x());
        int y = (int) Math.floor(p.y());
        List<AnnotatedObject> all = objects.get();
        for (int i = all.size() - 1; i >= 0; i--) {
            AnnotatedObject o = all.get(i);
            if (isVisible(o.id()) && o.storedMask().size().contains(x, y) && o.storedMask().get(x, y)) {
                select(o.id());
                return;
            }
        }
        select(null);
    }

    /** Forgets hidden objects and the selection (another folder was opened). */
    void reset() {
        hidden.clear();
        select(null);
    }
}
