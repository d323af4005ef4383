package org.samannotator.gui.categories;

import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.samannotator.core.annotation.AnnotationProject;
import org.samannotator.core.annotation.Category;
import org.samannotator.core.annotation.CategoryDeletion;
import org.samannotator.core.annotation.ProjectChange;
import org.samannotator.core.session.AnnotationSession;
import org.samannotator.core.session.SessionChange;
import org.samannotator.core.session.SessionListener;
import java.util.List;
import org.samannotator.core.annotation.CategoryPalette;

/**
 * The project's categories and the current one (given to newly accepted objects). Add, rename, recolour and
 * delete are undoable project commands; number keys 1-9 pick the n-th category. Colours are 0xRRGGBB.
 */
public final class CategoriesViewModel {
    private final AnnotationSession session;
    private final ObservableList<Category> categories = FXCollections.observableArrayList();
    private final ObjectProperty<Category> current = new SimpleObjectProperty<>();

    public CategoriesViewModel(AnnotationSession session) {
        this.session = session;
        current.addListener((obs, old, now) -> {
            if (now != null) {
                session.setCurrentCategory(now.id());
            }
        });
        session.addListener(new SessionListener() {
            @Override
            public void sessionChanged(SessionChange change) {
                if (change == SessionChange.FOLDER || change == SessionChange.CURRENT_CATEGORY) {
                    refresh();
                }
            }

            @Override
            public void projectChanged(ProjectChange change) {
                if (change.categories()) {
                    refresh();
                }
            }
        });
    }

    private void refresh() {
        categories.setAll(session.project().map(AnnotationProject::categories).orElse(List.of()));
        int currentId = session.currentCategoryId();
        current.set(categories.stream().filter(c -> c.id() == currentId).findFirst()
                .orElse(categories.isEmpty() ? null : categories.get(0)));
    }

    private AnnotationProject project() {
        return session.project().orElseThrow(() -> new IllegalStateException("no folder is open"));
    }

    public ObservableList<Category> categories() {
        return categories;
    }

    public ObjectProperty<Category> currentProperty() {
        return current;
    }

    public Optional<Category> current() {
        return Optional.ofNullable(current.get());
    }

    /** Picks the n-th category (1-based, as the number keys); ignored when there is none. */
    public void selectNumber(int number) {
        if (number >= 1 && number <= categories.size()) {
            current.set(categories.get(number - 1));
        }
    }

    /** Adds a category with the next palette colour and makes it current. */
    public Category add(String name) {
        Category added = project().addCategory(name, CategoryPalette.colour(categories.size()));
        current.set(categories.stream().filter(c -> c.id() == added.id()).findFirst().orElse(added));
        return added;
    }

    public void rename(int id, String name) {
        project().renameCategory(id, name);
    }

    public void recolour(int id, int rgb) {
        project().recolourCategory(id, rgb);
    }

    /** How many objects deleting this category affects, in words, for the confirmation dialog. */
    public String deletionImpact(int id) {
        long count = project().countObjects(id);
        String name = project().category(id).map(Category::name).orElse("?");
        return count == 0 ? "No object uses \"" + name + "\"."
                : count + (count == 1 ? " object uses \"" : " objects use \"") + name + "\".";
    }

    /** Deletes the category; its objects are deleted or reassigned as {@code deletion} says (undoable). */
    public void delete(int id, CategoryDeletion deletion) {
        project().deleteCategory(id, deletion);
    }
}
