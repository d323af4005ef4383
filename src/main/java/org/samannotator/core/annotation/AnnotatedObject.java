package org.samannotator.core.annotation;

import java.util.OptionalDouble;
import org.samannotator.core.mask.BitMask;

/**
 * One accepted object of an image. {@code mask} is at the image's original size and is never modified
 * after construction (edits make a new object with a new mask). {@code predictedIou} is the decoder's
 * estimate for the accepted candidate (empty for brush-only objects); {@code secondsSpent} runs from the
 * first prompt to the accept, as the SAM stage-1 engine measured it; {@code id} increases with creation
 * order across the whole project.
 */
public record AnnotatedObject(long id, int categoryId, BitMask mask, PromptSet prompts,
        OptionalDouble predictedIou, double secondsSpent) {
    public AnnotatedObject {
        if (id <= 0) {
            throw new IllegalArgumentException("object id must be positive, got " + id);
        }
        if (secondsSpent < 0) {
            throw new IllegalArgumentException("seconds spent must not be negative, got " + secondsSpent);
        }
    }

    public AnnotatedObject withCategory(int newCategoryId) {
        return new AnnotatedObject(id, newCategoryId, mask, prompts, predictedIou, secondsSpent);
    }

    public AnnotatedObject withMask(BitMask newMask) {
        return new AnnotatedObject(id, categoryId, newMask, prompts, predictedIou, secondsSpent);
    }
}
