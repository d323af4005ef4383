package org.samannotator.core.annotation;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.LongSupplier;
import org.samannotator.core.mask.BitMask;

/** The image states of the project's suggestion commands: store generated ones, accept, reject. */
final class SuggestionEdits {
    /** A generated suggestion whose mask has at least this IoU with an object already there is not offered. */
    static final double DUPLICATE_IOU = 0.5;

    private SuggestionEdits() {
    }

    /**
     * {@code image} with its generated suggestions replaced by {@code generated} (fresh ids from
     * {@code nextId}), leaving out those that repeat an object of the image; imported boxes are kept.
     */
    static ImageAnnotations withGenerated(ImageAnnotations image, List<Suggestion> generated, LongSupplier nextId) {
        List<Suggestion> kept = new ArrayList<>(image.suggestions().stream()
                .filter(s -> s.source() != Suggestion.Source.GENERATED).toList());
        for (Suggestion s : generated) {
            BitMask mask = s.mask().orElseThrow(() -> new IllegalArgumentException("a generated suggestion has a mask"));
            if (!mask.isEmpty() && image.objects().stream().noneMatch(o -> o.mask().iou(mask) >= DUPLICATE_IOU)) {
                kept.add(s.withId(nextId.getAsLong()));
            }
        }
        return image.withSuggestions(kept);
    }

    /** {@code image} with {@code added} suggestions appended (fresh ids), e.g. imported boxes. */
    static ImageAnnotations withAdded(ImageAnnotations image, List<Suggestion> added, LongSupplier nextId) {
        List<Suggestion> all = new ArrayList<>(image.suggestions());
        added.forEach(s -> all.add(s.withId(nextId.getAsLong())));
        return image.withSuggestions(all);
    }

    /**
     * {@code image} with the given suggestions turned into objects (origin suggested, ids from {@code nextId},
     * {@code secondsEach} spent on each), "in progress" when it was not started. Pending ones are skipped.
     */
    static ImageAnnotations accepted(ImageAnnotations image, List<Suggestion> suggestions, int fallbackCategoryId,
            double secondsEach, LongSupplier nextId, List<AnnotatedObject> created) {
        List<AnnotatedObject> objects = new ArrayList<>(image.objects());
        List<Suggestion> remaining = new ArrayList<>(image.suggestions());
        for (Suggestion s : suggestions) {
            if (s.isPending()) {
                continue;
            }
            AnnotatedObject object = new AnnotatedObject(nextId.getAsLong(), categoryOf(s, fallbackCategoryId),
                    s.mask().get(), s.prompts(), s.predictedIou(), secondsEach, ObjectOrigin.SUGGESTED);
            objects.add(object);
            created.add(object);
            remaining.removeIf(r -> r.id() == s.id());
        }
        ImageAnnotations after = image.withObjects(objects).withSuggestions(remaining);
        return after.status() == ImageStatus.NOT_STARTED && !created.isEmpty()
                ? after.withStatus(ImageStatus.IN_PROGRESS) : after;
    }

    static int categoryOf(Suggestion suggestion, int fallbackCategoryId) {
        OptionalInt own = suggestion.categoryId();
        return own.isPresent() ? own.getAsInt() : fallbackCategoryId;
    }

    /** The origin of an object accepted from a candidate that started from {@code suggestion}. */
    static ObjectOrigin originOf(Candidate candidate, Suggestion suggestion) {
        boolean unchanged = candidate.prompts().equals(suggestion.prompts())
                && candidate.mask().equals(suggestion.mask());
        return unchanged ? ObjectOrigin.SUGGESTED : ObjectOrigin.SUGGESTED_THEN_EDITED;
    }
}
