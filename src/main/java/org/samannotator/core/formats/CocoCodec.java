package org.samannotator.core.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.samannotator.core.coco.CocoAnnotation;
import org.samannotator.core.coco.CocoDataset;
import org.samannotator.core.coco.CocoImage;
import org.samannotator.core.coco.CocoReader;
import org.samannotator.core.coco.CocoWriter;

/**
 * COCO instances JSON (see {@code core.coco}): written as it comes from the project (compressed RLE, or polygons with
 * {@link ExportOptions#cocoEncoding()}; plus
 * prompts, predicted IoU, seconds and order); read with {@link CocoReader}, keeping the images of the folder.
 */
final class CocoCodec implements FormatCodec {
    @Override
    public int write(CocoDataset dataset, Path imageFolder, Path out, ExportOptions options) throws IOException {
        CocoWriter.write(out, dataset, options.cocoEncoding());
        return 1;
    }

    @Override
    public CocoDataset read(Path source, Path imageFolder, List<String> imageFiles, List<String> warnings)
            throws IOException {
        // a detector's bbox-only annotations are not an error here; ProjectFormats imports them as box suggestions
        CocoDataset dataset = CocoReader.readWithBoxes(source).dataset();
        FolderImages images = new FolderImages(imageFolder, imageFiles);
        List<CocoImage> kept = new ArrayList<>();
        for (CocoImage image : dataset.images()) {
            if (images.byName(image.fileName()).isPresent()) {
                kept.add(image);
            } else {
                warnings.add(source + ": image " + image.fileName() + " is not in " + imageFolder + "; skipped");
            }
        }
        java.util.Set<Long> keptIds = new java.util.HashSet<>();
        kept.forEach(i -> keptIds.add(i.id()));
        List<CocoAnnotation> annotations = dataset.annotations().stream()
                .filter(a -> keptIds.contains(a.imageId())).toList();
        return new CocoDataset(dataset.info(), kept, dataset.categories(), annotations, dataset.licenses());
    }
}
