package org.samannotator.core.session;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.samannotator.core.annotation.AnnotationProject;
import org.samannotator.core.annotation.Suggestion;

/**
 * The review of the current image's suggestions: accept one (the selected one, else the first), accept all,
 * reject, move through them, and turn one into the candidate to re-prompt or paint it. After accepting or
 * rejecting one, the next one is selected, so Y Y X Y walks the list. Session thread only.
 */
final class SuggestionReview {
    private final AnnotationProject project;
    private final String file;
    private final ObjectSelection selection;
    private final Consumer<String> messages;

    SuggestionReview(AnnotationProject project, String file, ObjectSelection selection, Consumer<String> messages) {
        this.project = project;
        this.file = file;
        this.selection = selection;
        this.messages = messages;
    }

    private List<Suggestion> suggestions() {
        return project.image(file).suggestions();
    }

    /** The selected suggestion, else the first whose mask is known. */
    Optional<Suggestion> target() {
        List<Suggestion> all = suggestions();
        Optional<Suggestion> selected = selection.selectedSuggestionId()
                .flatMap(id -> all.stream().filter(s -> s.id() == id).findFirst());
        return selected.or(() -> all.stream().filter(s -> !s.isPending()).findFirst());
    }

    void accept(int categoryId) {
        Optional<Suggestion> target = target();
        if (target.isEmpty()) {
            messages.accept("No suggestions on this image (Image > Pre-annotate makes some)");
            return;
        }
        if (target.get().isPending()) {
            messages.accept("This suggestion's box is still being decoded");
            return;
        }
        int index = suggestions().indexOf(target.get());
        if (project.category(target.get().categoryId().orElse(categoryId)).isEmpty()) {
            messages.accept("Add a category first (Categories > Add)");
            return;
        }
        project.suggestions().accept(file, target.get().id(), categoryId);
        selectAt(index);
    }

    void acceptAll(int categoryId) {
        if (project.category(categoryId).isEmpty()) {
            messages.accept("Add a category first (Categories > Add)");
            return;
        }
        int accepted = project.suggestions().acceptAll(file, categoryId).size();
        selection.selectSuggestion(null);
        messages.accept(accepted == 0 ? "No suggestions to accept" : "Accepted " + accepted + " suggestions");
    }

    void reject() {
        target().ifPresent(s -> {
            int index = suggestions().indexOf(s);
            project.suggestions().reject(file, s.id());
            selectAt(index);
        });
    }

    void rejectAll() {
        project.suggestions().rejectAll(file);
        selection.selectSuggestion(null);
    }

    /** Selects the next ({@code step} 1) or previous (-1) suggestion, wrapping around. */
    void move(int step) {
        List<Suggestion> all = suggestions();
        if (all.isEmpty()) {
            selection.selectSuggestion(null);
            return;
        }
        int current = target().filter(s -> selection.selectedSuggestionId().isPresent()).map(all::indexOf).orElse(-1);
        int next = current < 0 ? (step > 0 ? 0 : all.size() - 1) : Math.floorMod(current + step, all.size());
        selection.selectSuggestion(all.get(next).id());
    }

    /** Turns the selected suggestion into the candidate (re-prompt, brush, eraser); false when none is selected. */
    boolean editSelected() {
        Optional<Suggestion> selected = selection.selectedSuggestionId()
                .flatMap(id -> project.image(file).suggestion(id)).filter(s -> !s.isPending());
        selected.ifPresent(s -> project.suggestions().startEditing(file, s.id()));
        return selected.isPresent();
    }

    private void selectAt(int index) {
        List<Suggestion> rest = suggestions();
        selection.selectSuggestion(rest.isEmpty() ? null : rest.get(Math.min(index, rest.size() - 1)).id());
    }
}
