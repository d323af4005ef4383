package org.samannotator.core.session;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.samannotator.core.annotation.AnnotatedObject;
import org.samannotator.core.geometry.ImagePoint;

/**
 * Which object of the current image is selected (its id, or none) and which objects are hidden (a view
 * setting, not saved and not undoable). Plain state: the session fires its changes.
 */
final class ObjectSelection {
    private Long selectedId;
    private final Set<Long> hidden = new HashSet<>();

    Optional<Long> selectedId() {
        return Optional.ofNullable(selectedId);
    }

    /** Returns true when the selection changed. */
    boolean select(Long objectId) {
        if (java.util.Objects.equals(selectedId, objectId)) {
            return false;
        }
        selectedId = objectId;
        return true;
    }

    /** Returns true when visibility changed. */
    boolean setVisible(long objectId, boolean visible) {
        return visible ? hidden.remove(objectId) : hidden.add(objectId);
    }

    boolean isVisible(long objectId) {
        return !hidden.contains(objectId);
    }

    /** The topmost visible object containing {@code p} (ORIGINAL image pixels), if any. */
    Optional<Long> objectAt(List<AnnotatedObject> objects, ImagePoint p) {
        int x = (int) Math.floor(p.x());
        int y = (int) Math.floor(p.y());
        for (int i = objects.size() - 1; i >= 0; i--) {
            AnnotatedObject o = objects.get(i);
            if (isVisible(o.id()) && o.mask().size().contains(x, y) && o.mask().get(x, y)) {
                return Optional.of(o.id());
            }
        }
        return Optional.empty();
    }

    /** Forgets hidden objects and the selection (another folder was opened). */
    void reset() {
        hidden.clear();
        selectedId = null;
    }
}
