package org.samannotator.core.annotation;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.samannotator.core.geometry.Box;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.prompt.PromptPoint;

/**
 * A mask the model proposes for an image that the annotator has not reviewed yet: not an object until
 * accepted. Pre-annotation makes {@link Source#GENERATED} suggestions (the automatic mask generator's
 * confident masks, each with the grid point that produced it); a COCO import of boxes without a segmentation
 * makes {@link Source#IMPORTED_BOX} suggestions, whose mask is empty until the model has decoded the box.
 *
 * @param id             unique within its image (ids of accepted or rejected suggestions are not reused
 *                       while the project is open)
 * @param storedMask     at the image's original size, kept compressed like an object's ({@link StoredMask});
 *                       empty while a box still waits for its decode
 * @param prompts        the point or box that produced it
 * @param predictedIou   the decoder's estimate, once decoded
 * @param stabilityScore the generator's stability score (generated suggestions only)
 * @param categoryId     the category it is accepted with (imported boxes); empty = the current category
 */
public record Suggestion(long id, Optional<StoredMask> storedMask, PromptSet prompts, OptionalDouble predictedIou,
        OptionalDouble stabilityScore, OptionalInt categoryId, Source source) {
    /** Where a suggestion came from (project files: "generated", "imported_box"). */
    public enum Source {
        GENERATED, IMPORTED_BOX;

        public String fileName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Source fromFileName(String text) {
            return valueOf(text.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public Suggestion {
        Objects.requireNonNull(storedMask, "storedMask");
        Objects.requireNonNull(prompts, "prompts");
        Objects.requireNonNull(source, "source");
    }

    /** A generated suggestion (id assigned when the project stores it). */
    public static Suggestion generated(BitMask mask, ImagePoint point, double predictedIou, double stabilityScore) {
        return new Suggestion(0, Optional.of(StoredMask.of(mask)), new PromptSet(java.util.List.of(
                PromptPoint.foreground(point.x(), point.y())), Optional.empty()), OptionalDouble.of(predictedIou),
                OptionalDouble.of(stabilityScore), OptionalInt.empty(), Source.GENERATED);
    }

    /** An imported detection box of {@code categoryId}, to be decoded with the box as prompt. */
    public static Suggestion importedBox(Box box, int categoryId) {
        return new Suggestion(0, Optional.empty(), new PromptSet(java.util.List.of(), Optional.of(box)),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.of(categoryId), Source.IMPORTED_BOX);
    }

    /**
     * The pixels (decoded through the bounded {@link DecodedMasks} cache; callers must not modify them);
     * empty while pending.
     */
    public Optional<BitMask> mask() {
        return storedMask.map(StoredMask::decode);
    }

    /** True while the mask is not known yet (an imported box before its decode). */
    public boolean isPending() {
        return storedMask.isEmpty();
    }

    public Suggestion withId(long newId) {
        return new Suggestion(newId, storedMask, prompts, predictedIou, stabilityScore, categoryId, source);
    }

    public Suggestion withMask(BitMask newMask, double newPredictedIou) {
        return new Suggestion(id, Optional.of(StoredMask.of(newMask)), prompts, OptionalDouble.of(newPredictedIou),
                stabilityScore,
                categoryId, source);
    }
}
