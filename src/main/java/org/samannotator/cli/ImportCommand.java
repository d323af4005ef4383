package org.samannotator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.samannotator.core.formats.AnnotationFormat;
import org.samannotator.core.formats.FolderFormats;
import org.samannotator.core.formats.ProjectFormats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code import}: merges COCO, YOLO segmentation, Pascal VOC or labelme annotations into a folder's project. */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Add annotations to the project of an image folder (saved atomically). Existing objects are "
                + "kept; an imported object with the same category and IoU >= 0.95 with an existing one is skipped "
                + "as a duplicate. Refused while the folder is open in the app."})
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "coco, yolo-seg, voc or labelme.")
    AnnotationFormat format;

    @Parameters(index = "0", paramLabel = "FOLDER", description = "The image folder whose project receives them.")
    Path folder;

    @Option(names = "--from", paramLabel = "PATH",
            description = "The COCO file, the yolo-seg folder (data.yaml, labels/), the voc folder "
                    + "(SegmentationObject/, Annotations/) or the labelme folder or file (labelme default: FOLDER).")
    Path source;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Path from = source != null ? source : defaultSource();
            FolderFormats.FolderImportReport result = FolderFormats.importFolder(folder, format, from);
            result.loadWarning().ifPresent(w -> out.println("warning: " + w));
            ProjectFormats.ImportReport report = result.report();
            out.printf("Imported %d object(s) into %d image(s), %d new categor%s, %d duplicate(s) skipped%s%n",
                    report.added().objects(), report.added().images(), report.added().newCategories(),
                    report.added().newCategories() == 1 ? "y" : "ies", report.duplicatesSkipped(),
                    result.saved() ? "; project saved" : "; nothing to save");
            report.skipped().forEach(line -> out.println("skipped: " + line));
            out.flush();
            return 0;
        } catch (IllegalArgumentException | IOException e) {
            err.println("error: " + String.valueOf(e.getMessage()).replaceAll("\\R", " "));
            err.flush();
            return 1;
        }
    }

    private Path defaultSource() {
        if (format == AnnotationFormat.LABELME) {
            return folder;
        }
        throw new IllegalArgumentException("give --from PATH for " + format.id());
    }
}
