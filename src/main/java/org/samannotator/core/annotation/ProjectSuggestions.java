package org.samannotator.core.annotation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;

/**
 * The suggestion commands of an {@link AnnotationProject} ({@code project.suggestions()}): store the
 * pre-annotation's masks, fill in decoded boxes, accept one or all, reject one or all, turn one into the
 * candidate. Accepts and rejects are undoable edits of the image. Also keeps, per image, when the annotator's
 * current review step began (the image opened, or the last accept or reject): an accepted suggestion's
 * seconds run from there. Same thread as the project.
 */
public final class ProjectSuggestions {
    private final AnnotationProject project;
    private final LongSupplier clockMillis;
    private final Map<String, Long> reviewStartMillis = new HashMap<>();
    private long nextId;

    ProjectSuggestions(AnnotationProject project, LongSupplier clockMillis, long firstId) {
        this.project = project;
        this.clockMillis = clockMillis;
        this.nextId = firstId;
    }

    /** A fresh suggestion id. */
    long nextId() {
        return nextId++;
    }

    /** A review step on {@code fileName} ends now (the image was opened, or something accepted or rejected). */
    void markReviewStep(String fileName) {
        reviewStartMillis.put(fileName, clockMillis.getAsLong());
    }

    /**
     * Replaces the image's generated suggestions by {@code generated} (pre-annotation), leaving out masks
     * that repeat an object already there. {@code undoable}: one undoable edit (the image on screen); else the
     * suggestions are stored without an undo step (a folder run reaching images the annotator is not on).
     * Returns how many were stored.
     */
    public int storeGenerated(String fileName, List<Suggestion> generated, boolean undoable) {
        ImageAnnotations before = project.image(fileName);
        ImageAnnotations after = SuggestionEdits.withGenerated(before, generated, this::nextId);
        if (undoable) {
            project.apply(Edit.ofImage("pre-annotate", before, after, true));
        } else {
            project.storeWithoutHistory(fileName, after);
        }
        return (int) after.suggestions().stream().filter(s -> s.source() == Suggestion.Source.GENERATED).count();
    }

    /** Stores the decoded mask of a pending (imported box) suggestion; saved, not an undo step (the model's answer). */
    public void resolve(String fileName, long suggestionId, BitMask mask, double predictedIou) {
        ImageAnnotations image = project.image(fileName);
        Optional<Suggestion> pending = image.suggestion(suggestionId).filter(Suggestion::isPending);
        if (pending.isPresent()) {
            List<Suggestion> all = image.suggestions().stream()
                    .map(s -> s.id() == suggestionId ? s.withMask(mask, predictedIou) : s).toList();
            project.storeWithoutHistory(fileName, image.withSuggestions(all));
        }
    }

    /**
     * Accepts a suggestion as it is: an object of origin suggested, with the suggestion's own category or else
     * {@code categoryId}, its time the seconds since the previous review step on this image. Empty when there
     * is no such suggestion or its mask is still pending.
     */
    public Optional<AnnotatedObject> accept(String fileName, long suggestionId, int categoryId) {
        Optional<Suggestion> suggestion = project.image(fileName).suggestion(suggestionId).filter(s -> !s.isPending());
        if (suggestion.isEmpty()) {
            return Optional.empty();
        }
        List<AnnotatedObject> created = acceptEach(fileName, List.of(suggestion.get()), categoryId,
                "accept suggestion");
        return created.stream().findFirst();
    }

    /** Accepts every suggestion of the image whose mask is known, as one undoable edit; returns the objects. */
    public List<AnnotatedObject> acceptAll(String fileName, int categoryId) {
        List<Suggestion> ready = project.image(fileName).suggestions().stream().filter(s -> !s.isPending()).toList();
        return ready.isEmpty() ? List.of() : acceptEach(fileName, ready, categoryId, "accept all suggestions");
    }

    private List<AnnotatedObject> acceptEach(String fileName, List<Suggestion> chosen, int categoryId,
            String description) {
        chosen.forEach(s -> project.requireCategory(SuggestionEdits.categoryOf(s, categoryId)));
        ImageAnnotations before = project.image(fileName);
        double seconds = secondsSinceReviewStart(fileName) / chosen.size();
        List<AnnotatedObject> created = new ArrayList<>();
        ImageAnnotations after = SuggestionEdits.accepted(before, chosen, categoryId, seconds, project::takeObjectId,
                created);
        project.apply(Edit.ofImage(description, before, after, true));
        return created;
    }

    /** Rejects (removes) one suggestion. */
    public void reject(String fileName, long suggestionId) {
        ImageAnnotations before = project.image(fileName);
        if (before.suggestion(suggestionId).isPresent()) {
            markReviewStep(fileName);
            project.apply(Edit.ofImage("reject suggestion", before, before.withSuggestions(
                    before.suggestionsWithout(suggestionId)), true));
        }
    }

    /** Rejects every suggestion of the image. */
    public void rejectAll(String fileName) {
        ImageAnnotations before = project.image(fileName);
        if (!before.suggestions().isEmpty()) {
            markReviewStep(fileName);
            project.apply(Edit.ofImage("reject all suggestions", before, before.withSuggestions(List.of()), true));
        }
    }

    /** Turns a suggestion into the candidate (re-prompt, brush, eraser before accepting it). */
    public void startEditing(String fileName, long suggestionId) {
        ImageAnnotations image = project.image(fileName);
        Suggestion suggestion = image.suggestion(suggestionId)
                .orElseThrow(() -> new IllegalArgumentException("no suggestion " + suggestionId + " in " + fileName));
        Size size = image.size().or(() -> suggestion.storedMask().map(StoredMask::size))
                .orElseThrow(() -> new IllegalStateException("size of " + fileName + " is not known yet"));
        long start = reviewStartMillis.getOrDefault(fileName, clockMillis.getAsLong());
        project.changeCandidate(fileName, Candidate.fromSuggestion(suggestion, size, start), "edit suggestion");
    }

    private double secondsSinceReviewStart(String fileName) {
        long now = clockMillis.getAsLong();
        long start = reviewStartMillis.getOrDefault(fileName, now);
        reviewStartMillis.put(fileName, now);
        return Math.max(0, now - start) / 1000.0;
    }
}
