package org.samannotator.core.annotation;

import java.util.OptionalDouble;
import org.samannotator.core.mask.BitMask;

/**
 * An object read from an imported COCO file, before the project gives it an id: category id (already mapped
 * to the project's categories), mask at the image's size, prompts, predicted IoU, seconds spent and origin.
 */
public record ImportedObject(int categoryId, BitMask mask, PromptSet prompts, OptionalDouble predictedIou,
        double secondsSpent, ObjectOrigin origin) {
    /** A manually annotated object. */
    public ImportedObject(int categoryId, BitMask mask, PromptSet prompts, OptionalDouble predictedIou,
            double secondsSpent) {
        this(categoryId, mask, prompts, predictedIou, secondsSpent, ObjectOrigin.MANUAL);
    }
}
