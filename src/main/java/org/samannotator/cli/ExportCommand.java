package org.samannotator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.samannotator.core.formats.AnnotationFormat;
import org.samannotator.core.formats.ExportOptions;
import org.samannotator.core.formats.FolderFormats;
import org.samannotator.core.formats.ProjectFormats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code export}: a folder's saved project in COCO, YOLO segmentation, Pascal VOC or labelme format. */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Export the saved annotations of an image folder (FOLDER/.sam-annotator/project.samproj).",
            "coco: one JSON file (RLE masks, prompts, seconds); yolo-seg: data.yaml + labels/*.txt; "
                    + "voc: SegmentationClass/, SegmentationObject/, Annotations/; labelme: one JSON per image."})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "coco, yolo-seg, voc or labelme.")
    AnnotationFormat format;

    @Parameters(index = "0", paramLabel = "FOLDER", description = "The image folder whose project is exported.")
    Path folder;

    @Option(names = "--out", paramLabel = "PATH",
            description = "The COCO file, or the folder to write the other formats into "
                    + "(labelme default: FOLDER, each JSON beside its image).")
    Path out;

    @Option(names = "--copy-images", description = "Copy the images into the export (yolo-seg images/, voc JPEGImages/).")
    boolean copyImages;

    @Option(names = "--tolerance", paramLabel = "PIXELS", defaultValue = "0",
            description = "Polygon simplification for yolo-seg and labelme, in pixels (default: ${DEFAULT-VALUE}, "
                    + "exact pixel outlines).")
    double tolerance;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Path target = target();
            ProjectFormats.ExportReport report = FolderFormats.exportFolder(folder, format, target,
                    new ExportOptions(copyImages, tolerance));
            out.printf("Exported %d object(s) of %d image(s) as %s to %s (%d file(s) written)%n", report.objects(),
                    report.images(), format.displayName(), target, report.filesWritten());
            report.unreadableImages().forEach(f -> out.println("left out (size unreadable): " + f));
            out.flush();
            return 0;
        } catch (IllegalArgumentException | IOException e) {
            err.println("error: " + String.valueOf(e.getMessage()).replaceAll("\\R", " "));
            err.flush();
            return 1;
        }
    }

    private Path target() {
        if (out != null) {
            return out;
        }
        if (format == AnnotationFormat.LABELME) {
            return folder;
        }
        throw new IllegalArgumentException("give --out " + (format.exportsSingleFile() ? "FILE.json" : "FOLDER")
                + " for " + format.id());
    }
}
