package org.samannotator.core.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.samannotator.core.coco.CocoDataset;

/**
 * Writes and reads one annotation format. The exchange model on both sides is a {@link CocoDataset}: export
 * gets the project as COCO (images with their sizes, categories, one annotation per object), import returns
 * COCO that the project's COCO import adds to the project.
 */
interface FormatCodec {
    /**
     * Writes {@code dataset} (whose images are files of {@code imageFolder}) to {@code out} (a file or a
     * folder, as the format needs); every file goes through {@code AtomicFiles}.
     *
     * @return the number of files written
     */
    int write(CocoDataset dataset, Path imageFolder, Path out, ExportOptions options) throws IOException;

    /**
     * Reads the annotations at {@code source} for the images of {@code imageFolder} ({@code imageFiles}, names
     * relative to it). Annotations of images not in the folder are left out and named in {@code warnings}.
     *
     * @throws FormatFileException a file is malformed (the message names the file and the place)
     */
    CocoDataset read(Path source, Path imageFolder, List<String> imageFiles, List<String> warnings)
            throws IOException;
}
