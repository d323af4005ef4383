package org.samannotator.gui.objects;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.samannotator.core.annotation.AnnotatedObject;
import org.samannotator.core.annotation.AnnotationProject;
import org.samannotator.core.annotation.Category;
import org.samannotator.gui.canvas.CanvasViewModel;

/**
 * The current image's objects in creation order, for the objects panel: selection (shared with the canvas),
 * visibility, category change and delete.
 */
public final class ObjectsViewModel {
    private final CanvasViewModel canvas;
    private final ObservableList<ObjectRow> rows = FXCollections.observableArrayList();

    public ObjectsViewModel(CanvasViewModel canvas) {
        this.canvas = canvas;
        canvas.redrawCounterProperty().addListener((obs, old, now) -> refresh());
    }

    public ObservableList<ObjectRow> rows() {
        return rows;
    }

    private void refresh() {
        AnnotationProject project = canvas.project().orElse(null);
        if (project == null) {
            rows.clear();
            return;
        }
        List<AnnotatedObject> objects = canvas.current().objects();
        List<ObjectRow> fresh = new java.util.ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            AnnotatedObject o = objects.get(i);
            Category category = project.category(o.categoryId()).orElse(null);
            fresh.add(new ObjectRow(o.id(), i + 1, category == null ? "(no category)" : category.name(),
                    category == null ? 0x808080 : category.rgb(), o.mask().area(),
                    o.predictedIou().orElse(Double.NaN), canvas.selection().isVisible(o.id())));
        }
        if (!fresh.equals(rows)) {
            rows.setAll(fresh);
        }
    }

    public void select(Long objectId) {
        canvas.selection().selectedIdProperty().set(objectId);
    }

    public void setVisible(long objectId, boolean visible) {
        canvas.selection().setVisible(objectId, visible);
    }

    public void changeCategory(long objectId, int categoryId) {
        canvas.project().ifPresent(p -> p.setObjectCategory(canvas.currentFileProperty().get(), objectId, categoryId));
    }

    public void delete(long objectId) {
        canvas.project().ifPresent(p -> p.deleteObject(canvas.currentFileProperty().get(), objectId));
    }
}
