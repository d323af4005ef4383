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
import org.samannotator.core.annotation.Suggestion;
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
    private final ObservableList<SuggestionRow> suggestionRows = FXCollections.observableArrayList();
    private final ObjectProperty<Long> selectedSuggestion = new SimpleObjectProperty<>();

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

    /** The current image's suggestions, for the panel's Suggestions section. */
    public ObservableList<SuggestionRow> suggestionRows() {
        return suggestionRows;
    }

    /** The selected suggestion's id (null when none); follows the session. */
    public ObjectProperty<Long> selectedSuggestionProperty() {
        return selectedSuggestion;
    }

    public void selectSuggestion(Long suggestionId) {
        session.selection().selectSuggestion(suggestionId);
    }

    public void acceptSuggestion() {
        session.suggestions().accept();
    }

    public void acceptAllSuggestions() {
        session.suggestions().acceptAll();
    }

    public void rejectSuggestion() {
        session.suggestions().reject();
    }

    public void rejectAllSuggestions() {
        session.suggestions().rejectAll();
    }

    /** N / Shift+N: the next (step 1) or previous (-1) suggestion. */
    public void nextSuggestion(int step) {
        session.suggestions().next(step);
    }

    private void refreshSuggestions(AnnotationProject project) {
        selectedSuggestion.set(session.selection().selectedSuggestionId().orElse(null));
        List<Suggestion> suggestions = project == null ? List.of() : session.current().suggestions();
        List<SuggestionRow> fresh = new ArrayList<>();
        for (int i = 0; i < suggestions.size(); i++) {
            Suggestion s = suggestions.get(i);
            String source = s.categoryId().isPresent() ? project.category(s.categoryId().getAsInt())
                    .map(Category::name).orElse("box") + " (box)" : "auto";
            fresh.add(new SuggestionRow(s.id(), i + 1, source, s.mask().map(m -> m.area()).orElse(-1L),
                    s.predictedIou().orElse(Double.NaN)));
        }
        if (!fresh.equals(suggestionRows)) {
            suggestionRows.setAll(fresh);
        }
    }

    private void refresh() {
        selectedId.set(session.selection().selectedId().orElse(null));
        refreshSuggestions(session.project().orElse(null));
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
                    category == null ? 0x808080 : category.rgb(), o.storedMask().area(),
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
