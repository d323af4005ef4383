package org.samannotator.gui.objects;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.samannotator.core.annotation.AnnotatedObject;
import org.samannotator.core.annotation.AnnotationProject;
import org.samannotator.core.annotation.Category;
import org.samannotator.core.session.AnnotationSession;
import org.samannotator.core.session.SessionChange;
import org.samannotator.core.session.SessionListener;

/**
 * The current image's objects in creation order, for the objects panel: the session's selection,
 * visibility, category change, edit and delete.
 */
public final class ObjectsViewModel {
    private final AnnotationSession session;
    private final ObservableList<ObjectRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Long> selectedId = new SimpleObjectProperty<>();

    public ObjectsViewModel(AnnotationSession session) {
        this.session = session;
        session.addListener(new SessionListener() {
            @Override
            public void sessionChanged(SessionChange change) {
                switch (change) {
                    case IMAGE, FOLDER, ANNOTATIONS, SELECTION -> refresh();
                    default -> { }
                }
            }
        });
    }

    public ObservableList<ObjectRow> rows() {
        return rows;
    }

    /** The selected object's id (null when none); follows the session. */
    public ObjectProperty<Long> selectedIdProperty() {
        return selectedId;
    }

    private void refresh() {
        selectedId.set(session.selection().selectedId().orElse(null));
        AnnotationProject project = session.project().orElse(null);
        if (project == null) {
            rows.clear();
            return;
        }
        List<AnnotatedObject> objects = session.current().objects();
        List<ObjectRow> fresh = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            AnnotatedObject o = objects.get(i);
            Category category = project.category(o.categoryId()).orElse(null);
            fresh.add(new ObjectRow(o.id(), i + 1, category == null ? "(no category)" : category.name(),
                    category == null ? 0x808080 : category.rgb(), o.mask().area(),
                    o.predictedIou().orElse(Double.NaN), session.selection().isVisible(o.id())));
        }
        if (!fresh.equals(rows)) {
            rows.setAll(fresh);
        }
    }

    /** The project's categories, for "Set category". */
    public List<Category> categories() {
        return session.project().map(AnnotationProject::categories).orElse(List.of());
    }

    public void select(Long objectId) {
        session.selection().select(objectId);
    }

    public void setVisible(long objectId, boolean visible) {
        session.selection().setVisible(objectId, visible);
    }

    public void changeCategory(long objectId, int categoryId) {
        session.project().ifPresent(p -> session.currentFile()
                .ifPresent(file -> p.setObjectCategory(file, objectId, categoryId)));
    }

    public void delete(long objectId) {
        session.project().ifPresent(p -> session.currentFile().ifPresent(file -> p.deleteObject(file, objectId)));
    }

    /** Re-prompt or repaint the selected object: it becomes the candidate; accepting replaces it. */
    public void editSelected() {
        session.editSelected();
    }

    public void deleteSelected() {
        session.deleteSelected();
    }
}
