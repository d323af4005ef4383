package org.samannotator.core.annotation;

import java.util.OptionalDouble;
import org.samannotator.core.mask.BitMask;

/**
 * An object read from an imported COCO file, before the project gives it an id: category id (already mapped
 * to the project's categories), mask at the image's size, prompts, predicted IoU and seconds spent.
 */
public record ImportedObject(int categoryId, BitMask mask, PromptSet prompts, OptionalDouble predictedIou,
        double secondsSpent) {
}
