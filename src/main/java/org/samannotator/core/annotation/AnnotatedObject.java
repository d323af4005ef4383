package org.samannotator.core.annotation;

import java.util.Objects;
import java.util.OptionalDouble;
import org.samannotator.core.mask.BitMask;

/**
 * One accepted object of an image. {@code storedMask} is the mask at the image's original size, kept
 * compressed ({@link StoredMask}: RLE plus area and bounding box); {@link #mask()} decodes it on demand through
 * the bounded {@link DecodedMasks} cache. It never changes after construction (edits make a new object with a
 * new mask). {@code predictedIou} is the decoder's estimate for the accepted candidate (empty for brush-only
 * objects); {@code secondsSpent} runs from the first prompt to the accept, as the SAM stage-1 engine measured
 * it (for a suggestion: from the previous review step, see {@link Suggestion}); {@code id} increases with
 * creation order across the whole project; {@code origin} says whether the annotator drew it or accepted
 * (and maybe edited) a suggestion.
 */
public record AnnotatedObject(long id, int categoryId, StoredMask storedMask, PromptSet prompts,
        OptionalDouble predictedIou, double secondsSpent, ObjectOrigin origin) {
    public AnnotatedObject {
        if (id <= 0) {
            throw new IllegalArgumentException("object id must be positive, got " + id);
        }
        if (secondsSpent < 0) {
            throw new IllegalArgumentException("seconds spent must not be negative, got " + secondsSpent);
        }
        Objects.requireNonNull(storedMask, "storedMask");
        Objects.requireNonNull(origin, "origin");
    }

    /** An object of a decoded mask (encoded now; {@code mask} must not be modified afterwards). */
    public AnnotatedObject(long id, int categoryId, BitMask mask, PromptSet prompts, OptionalDouble predictedIou,
            double secondsSpent, ObjectOrigin origin) {
        this(id, categoryId, StoredMask.of(mask), prompts, predictedIou, secondsSpent, origin);
    }

    /** A manually annotated object. */
    public AnnotatedObject(long id, int categoryId, BitMask mask, PromptSet prompts, OptionalDouble predictedIou,
            double secondsSpent) {
        this(id, categoryId, mask, prompts, predictedIou, secondsSpent, ObjectOrigin.MANUAL);
    }

    /** The mask's pixels (decoded on demand, possibly shared: never modify it; {@code copy()} it to edit). */
    public BitMask mask() {
        return storedMask.decode();
    }

    public AnnotatedObject withCategory(int newCategoryId) {
        return new AnnotatedObject(id, newCategoryId, storedMask, prompts, predictedIou, secondsSpent, origin);
    }

    /** The object with an edited mask; a suggested object becomes suggested-then-edited. */
    public AnnotatedObject withMask(BitMask newMask) {
        return new AnnotatedObject(id, categoryId, newMask, prompts, predictedIou, secondsSpent, origin.afterEdit());
    }

    /** The same object under another id (same stored mask, nothing decoded). */
    public AnnotatedObject withId(long newId) {
        return new AnnotatedObject(newId, categoryId, storedMask, prompts, predictedIou, secondsSpent, origin);
    }
}
