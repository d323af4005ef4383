package org.samannotator.core.formats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.samannotator.core.io.AtomicFiles;
import java.util.Optional;
import org.samannotator.core.annotation.AnnotationProject;
import org.samannotator.core.annotation.CocoExchange;
import org.samannotator.core.coco.CocoDataset;
import org.samannotator.core.coco.CocoReader;
import org.samannotator.core.coco.CocoWriter;

/**
 * Export and import of an open project in any {@link AnnotationFormat}: one call each, for the app's File
 * menu. {@code AnnotationProject} is not thread-safe: to export off the UI thread, pass
 * {@code new AnnotationProject(project.snapshot())} taken on the UI thread; import changes the project, so
 * run it on the thread that owns the project (it reads the files first, then adds in one edit).
 *
 * <p>Export takes the project as COCO ({@link CocoExchange#toDataset}) and writes it in the format. Import
 * reads the format into COCO, drops the annotations the project already has ({@link DuplicateFilter}) and
 * adds the rest through the project's COCO import ({@link CocoExchange#importFile}: categories matched by
 * name, missing ones added; image sizes checked; one undoable edit). Existing objects are never changed.
 */
public final class ProjectFormats {
    private ProjectFormats() {
    }

    /**
     * What an export wrote.
     *
     * @param unreadableImages images left out because their size could not be read
     */
    public record ExportReport(AnnotationFormat format, Path out, int images, int objects, int filesWritten,
            List<String> unreadableImages) {
    }

    /**
     * What an import did.
     *
     * @param added              objects, images and new categories added, images missing from the folder or of
     *                           another size (skipped)
     * @param duplicatesSkipped  annotations not added because the project already had them
     * @param warnings           files or shapes skipped, with the reason
     */
    public record ImportReport(AnnotationFormat format, CocoExchange.ImportSummary added, int duplicatesSkipped,
            List<String> warnings) {
        /** One line per skipped file, shape or image, for showing to the user. */
        public List<String> skipped() {
            List<String> lines = new ArrayList<>(warnings);
            added.missingImages().forEach(f -> lines.add("not in the folder: " + f));
            added.mismatchedImages().forEach(f -> lines.add("size differs: " + f));
            return lines;
        }
    }

    /** How deep the folders a folder export writes go below its output folder (VOC: ImageSets/Segmentation). */
    private static final int FOLDER_EXPORT_DEPTH = 2;

    /**
     * Writes the project to {@code out}: a file for COCO, a folder for the others (labelme: usually
     * {@code folder} itself, so each JSON lies beside its image).
     *
     * @param imageFiles the folder's images (relative names) in display order, e.g. from {@code ImageFolder}
     */
    public static ExportReport export(AnnotationProject project, Path folder, List<String> imageFiles,
            AnnotationFormat format, Path out, ExportOptions options) throws IOException {
        List<String> unreadable = new ArrayList<>();
        CocoDataset dataset = CocoExchange.toDataset(project, folder, imageFiles, unreadable);
        if (format.exportsSingleFile()) {
            AtomicFiles.deleteStaleTemporaryFiles(out, CocoExchange.STALE_EXPORT_TEMPORARY);
        } else if (java.nio.file.Files.isDirectory(out)) {
            // what a killed export into this folder left (YOLO labels/, VOC's folders, labelme beside the images)
            AtomicFiles.deleteStaleTemporaryFilesIn(out, FOLDER_EXPORT_DEPTH, CocoExchange.STALE_EXPORT_TEMPORARY);
        }
        int files = format.codec().write(dataset, folder, out, options);
        return new ExportReport(format, out, dataset.images().size(), dataset.annotations().size(), files,
                List.copyOf(unreadable));
    }

    /**
     * Adds the annotations at {@code source} (a COCO file; a YOLO folder with data.yaml and labels/; a VOC
     * folder with SegmentationObject/ and Annotations/; a folder of labelme JSON files, or one file) to the
     * project as one undoable edit: {@link #prepareImport} then {@link PreparedImport#applyTo}.
     *
     * @throws FormatFileException a file is malformed; the project is unchanged
     */
    public static ImportReport importInto(AnnotationProject project, Path folder, List<String> imageFiles,
            AnnotationFormat format, Path source) throws IOException {
        return prepareImport(format, folder, imageFiles, source).applyTo(project);
    }

    /**
     * Reads and checks the files of an import without touching any project (can run on a background thread).
     *
     * @throws FormatFileException a file is malformed
     */
    public static PreparedImport prepareImport(AnnotationFormat format, Path folder, List<String> imageFiles,
            Path source) throws IOException {
        List<String> warnings = new ArrayList<>();
        CocoDataset read = format.codec().read(source, folder, imageFiles, warnings);
        Optional<Path> boxSource = format == AnnotationFormat.COCO
                && !CocoReader.readWithBoxes(source).boxes().isEmpty() ? Optional.of(source) : Optional.empty();
        return new PreparedImport(format, folder, List.copyOf(imageFiles), read, List.copyOf(warnings), boxSource);
    }

    /**
     * Annotations read from a foreign format, ready to be added to the project of {@code folder}.
     * {@code boxSource}: a COCO file that also has bbox-only annotations (a detector's output); it is imported
     * as it is by the project's COCO import, which turns those boxes into suggestions (no duplicate filter).
     */
    public record PreparedImport(AnnotationFormat format, Path folder, List<String> imageFiles, CocoDataset dataset,
            List<String> warnings, Optional<Path> boxSource) {
        /** Objects read (before removing duplicates). */
        public int objectCount() {
            return dataset.annotations().size();
        }

        /** Adds what the project does not have yet, as one undoable edit (on the project's thread). */
        public ImportReport applyTo(AnnotationProject project) throws IOException {
            if (boxSource.isPresent()) {
                return new ImportReport(format, CocoExchange.importFile(project, folder, imageFiles, boxSource.get()),
                        0, warnings);
            }
            int[] duplicates = {0};
            CocoDataset fresh = DuplicateFilter.withoutDuplicates(dataset, project, duplicates);
            Path temporary = Files.createTempFile("sam-annotator-import-", ".json");
            try {
                CocoWriter.write(temporary, fresh);
                CocoExchange.ImportSummary summary = CocoExchange.importFile(project, folder, imageFiles, temporary);
                return new ImportReport(format, summary, duplicates[0], warnings);
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
    }
}
