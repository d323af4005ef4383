package org.samannotator.gui.canvas;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.samannotator.core.annotation.AnnotatedObject;
import org.samannotator.core.geometry.ImagePoint;

/**
 * Which object of the current image is selected (its id, or null) and which objects are hidden (a view
 * setting, not saved and not undoable). Shared by the canvas and the objects panel.
 */
public final class ObjectSelection {
    private final ObjectProperty<Long> selectedId = new SimpleObjectProperty<>();
    private final Set<Long> hidden = new HashSet<>();
    private final Supplier<List<AnnotatedObject>> objects;
    private final Runnable redraw;

    ObjectSelection(Supplier<List<AnnotatedObject>> objects, Runnable redraw) {
        this.objects = objects;
        this.redraw = redraw;
    }

    public ObjectProperty<Long> selectedIdProperty() {
        return selectedId;
    }

    public Long selectedId() {
        return selectedId.get();
    }

    public void clear() {
        selectedId.set(null);
    }

    public void setVisible(long objectId, boolean visible) {
        if (visible ? hidden.remove(objectId) : hidden.add(objectId)) {
            redraw.run();
        }
    }

    public boolean isVisible(long objectId) {
        return !hidden.contains(objectId);
    }

    /** Selects the topmost visible object containing {@code p} (image pixels), or clears the selection. */
    public void selectAt(ImagePoint p) {
        int x = (int) Math.floor(p.x());
        int y = (int) Math.floor(p.y());
        List<AnnotatedObject> all = objects.get();
        for (int i = all.size() - 1; i >= 0; i--) {
            AnnotatedObject o = all.get(i);
            if (isVisible(o.id()) && o.mask().size().contains(x, y) && o.mask().get(x, y)) {
                selectedId.set(o.id());
                return;
            }
        }
        selectedId.set(null);
    }

    /** Forgets hidden objects and the selection (another folder was opened). */
    void reset() {
        hidden.clear();
        selectedId.set(null);
    }
}
