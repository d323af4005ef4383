package org.samannotator.reliability;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.samannotator.core.formats.AnnotationFormat;
import org.samannotator.core.formats.FormatFileException;
import org.samannotator.core.formats.ProjectFormats;
import org.samannotator.gui.SyntheticImages;

/**
 * YOLO segmentation label files with bad lines, read through the import's entry point
 * ({@link ProjectFormats#prepareImport} with {@link AnnotationFormat#YOLO_SEG}): each is refused with a
 * message naming the label file and saying what to do, or read soundly (bad polygons skipped with a warning).
 */
final class YoloCorpus {
    private static final String GOOD = "0 0.1 0.1 0.5 0.1 0.5 0.5 0.1 0.5\n";
    private static final String YAML = "names:\n  0: cat\n  1: dog\n";

    private YoloCorpus() {
    }

    static List<CorpusCase> cases() {
        List<CorpusCase> cases = new ArrayList<>();
        labels(cases, "line with 4 numbers instead of 5", "0 0.1 0.2 0.3\n");
        labels(cases, "class id not an integer", "cat 0.1 0.1 0.5 0.1 0.5 0.5\n");
        labels(cases, "class id negative", "-1 0.1 0.1 0.5 0.1 0.5 0.5\n");
        labels(cases, "class id unknown (7 of 2 names)", "7 0.1 0.1 0.5 0.1 0.5 0.5\n");
        labels(cases, "coordinate above 1", "0 0.1 0.1 1.5 0.1 0.5 0.5\n");
        labels(cases, "coordinate NaN", "0 NaN 0.1 0.5 0.1 0.5 0.5\n");
        labels(cases, "coordinate Infinity", "0 Infinity 0.1 0.5 0.1 0.5 0.5\n");
        labels(cases, "polygon with 2 points", "0 0.1 0.1 0.5 0.5\n");
        labels(cases, "odd number of coordinates", "0 0.1 0.1 0.5 0.1 0.5\n");
        labels(cases, "empty label file", "");
        labels(cases, "binary label file", "\u0000\u0001\u00ff garbage\n");
        labels(cases, "truncated after the class id", "0");
        labels(cases, "good line then a bad one", GOOD + "0 0.1 x 0.5\n");
        cases.add(new CorpusCase("YOLO labels", "data.yaml missing", "ProjectFormats.prepareImport (yolo-seg)",
                dir -> run(dir, null, GOOD)));
        cases.add(new CorpusCase("YOLO labels", "data.yaml with duplicate names", "ProjectFormats.prepareImport (yolo-seg)",
                dir -> run(dir, "names:\n  0: cat\n  1: cat\n", GOOD)));
        cases.add(new CorpusCase("YOLO labels", "data.yaml garbled", "ProjectFormats.prepareImport (yolo-seg)",
                dir -> run(dir, "names: [unclosed\n  : :\n", GOOD)));
        return cases;
    }

    private static void labels(List<CorpusCase> cases, String name, String text) {
        cases.add(new CorpusCase("YOLO labels", name, "ProjectFormats.prepareImport (yolo-seg)",
                dir -> run(dir, YAML, text)));
    }

    private static CorpusCase.Outcome run(Path dir, String yaml, String labelText) throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        ImageIO.write(SyntheticImages.image(1, 64, 48), "png", images.resolve("img1.png").toFile());
        Path dataset = Files.createDirectories(dir.resolve("yolo"));
        if (yaml != null) {
            Files.writeString(dataset.resolve("data.yaml"), yaml, StandardCharsets.UTF_8);
        }
        Path labelFile = Files.createDirectories(dataset.resolve("labels")).resolve("img1.txt");
        Files.writeString(labelFile, labelText, StandardCharsets.ISO_8859_1);
        try {
            ProjectFormats.PreparedImport prepared = ProjectFormats.prepareImport(AnnotationFormat.YOLO_SEG, images,
                    List.of("img1.png"), dataset);
            return CorpusCase.Outcome.of(prepared.warnings().isEmpty() ? "read" : "read with warnings",
                    prepared.objectCount() + " object(s)" + (prepared.warnings().isEmpty() ? ""
                            : "; " + String.join("; ", prepared.warnings())));
        } catch (FormatFileException e) {
            return CorpusCase.Outcome.of("refused", ClearMessages.assertClear(e.getMessage(), e.file()));
        }
    }
}
