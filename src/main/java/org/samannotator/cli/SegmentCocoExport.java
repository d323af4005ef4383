package org.samannotator.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.samannotator.core.coco.CocoAnnotation;
import org.samannotator.core.coco.CocoCategory;
import org.samannotator.core.coco.CocoDataset;
import org.samannotator.core.coco.CocoImage;
import org.samannotator.core.coco.CocoPrompts;
import org.samannotator.core.coco.CocoWriter;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.prompt.Prompt;
import org.samannotator.core.sam.MaskCandidate;

/** The one-image, one-object COCO file that {@code segment --coco} writes (RLE mask plus our extra fields). */
final class SegmentCocoExport {
    private SegmentCocoExport() {
    }

    static void write(Path file, Path image, Size imageSize, String category, Prompt prompt, MaskCandidate mask,
            double secondsSpent) throws IOException {
        CocoAnnotation annotation = CocoAnnotation.fromMask(1, 1, 1, mask.mask())
                .withPrompts(CocoPrompts.of(prompt.points(), prompt.box()))
                .withPredictedIou((double) mask.predictedIou())
                .withSecondsSpent(secondsSpent)
                .withOrder(1);
        CocoDataset dataset = CocoDataset.of(
                List.of(new CocoImage(1, image.getFileName().toString(), imageSize.width(), imageSize.height())),
                List.of(CocoCategory.of(1, category)),
                List.of(annotation));
        CocoWriter.write(file, dataset);
    }
}
