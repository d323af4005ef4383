package org.samannotator.core.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.annotation.AnnotationProject;

class YoloSegCodecTest {
    @TempDir
    Path folder;
    @TempDir
    Path out;

    @Test
    void roundTripKeepsEveryPixelHolesAndPartsAtToleranceZero() throws IOException {
        FormatsFixture fixture = new FormatsFixture(folder);
        var exported = ProjectFormats.export(fixture.project, folder, fixture.images(), AnnotationFormat.YOLO_SEG,
                out, ExportOptions.DEFAULT);
        assertEquals(4, exported.objects());

        AnnotationProject imported = FormatsFixture.emptyProject();
        var report = ProjectFormats.importInto(imported, folder, fixture.images(), AnnotationFormat.YOLO_SEG, out);

        assertEquals(4, report.added().objects());
        for (String image : List.of("a.png", "b.png")) {
            assertEquals(FormatsFixture.masks(fixture.project, image), FormatsFixture.masks(imported, image), image);
            assertEquals(FormatsFixture.categoryNames(fixture.project, image),
                    FormatsFixture.categoryNames(imported, image));
        }
    }

    @Test
    void writesUltralyticsLayoutWithOneNormalisedLinePerObject() throws IOException {
        FormatsFixture fixture = new FormatsFixture(folder);
        ProjectFormats.export(fixture.project, folder, fixture.images(), AnnotationFormat.YOLO_SEG, out,
                new ExportOptions(true, 0));

        assertEquals(List.of("cat", "dog"), YoloDataYaml.readNames(out.resolve("data.yaml")));
        assertTrue(Files.readString(out.resolve("data.yaml")).contains("train: images"));
        List<String> lines = Files.readAllLines(out.resolve("labels/a.txt"));
        assertEquals(3, lines.size());
        assertEquals(List.of("0", "0", "1"), lines.stream().map(l -> l.split(" ")[0]).toList());
        for (String line : lines) {
            String[] tokens = line.split(" ");
            assertEquals(1, tokens.length % 2, "class plus x y pairs: " + line);
            for (int i = 1; i < tokens.length; i++) {
                double v = Double.parseDouble(tokens[i]);
                assertTrue(v >= 0 && v <= 1, line);
            }
        }
        assertEquals("", Files.readString(out.resolve("labels/c.txt")), "an image without objects has an empty file");
        assertTrue(Files.isRegularFile(out.resolve("images/a.png")));
    }

    @Test
    void exportingAgainDeletesWhatAKilledExportLeftInItsFolders() throws IOException {
        FormatsFixture fixture = new FormatsFixture(folder);
        Files.createDirectories(out.resolve("labels"));
        java.nio.file.attribute.FileTime hourAgo = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofHours(1)));
        Path killed = Files.writeString(out.resolve("labels/.a.txt.0b6c1a7e-3d55-4c0e-9a51-2f1f6b9d1c0e.tmp"), "0 0.1");
        Files.setLastModifiedTime(killed, hourAgo);
        Path othersFile = Files.writeString(out.resolve("labels/.editor-backup.tmp"), "not ours");
        Files.setLastModifiedTime(othersFile, hourAgo);

        ProjectFormats.export(fixture.project, folder, fixture.images(), AnnotationFormat.YOLO_SEG, out,
                ExportOptions.DEFAULT);

        assertTrue(Files.notExists(killed), "the killed export's temporary file is gone");
        assertTrue(Files.exists(othersFile), "another program's hidden file is left alone");
    }

    @Test
    void reimportingAddsNoDuplicates() throws IOException {
        FormatsFixture fixture = new FormatsFixture(folder);
        ProjectFormats.export(fixture.project, folder, fixture.images(), AnnotationFormat.YOLO_SEG, out,
                new ExportOptions(false, 1.0));

        var report = ProjectFormats.importInto(fixture.project, folder, fixture.images(), AnnotationFormat.YOLO_SEG,
                out);

        assertEquals(0, report.added().objects());
        assertEquals(4, report.duplicatesSkipped());
        assertEquals(3, fixture.project.image("a.png").objects().size());
    }

    @Test
    void malformedLineNamesFileAndLine() throws IOException {
        FormatsFixture fixture = new FormatsFixture(folder);
        Files.createDirectories(out.resolve("labels"));
        Files.writeString(out.resolve("data.yaml"), "names: [cat]\n");
        Files.writeString(out.resolve("labels/a.txt"), "0 0.1 0.1 0.5 0.1 0.5 0.5\n\n3 0.1 0.1 0.5 0.1 0.5 0.5\n");

        IOException e = assertThrows(FormatFileException.class, () -> ProjectFormats.importInto(
                FormatsFixture.emptyProject(), folder, fixture.images(), AnnotationFormat.YOLO_SEG, out));

        assertTrue(e.getMessage().contains("a.txt, line 3: class 3 is not in data.yaml's names"), e.getMessage());
        Files.writeString(out.resolve("labels/a.txt"), "0 0.1 0.1 1.5 0.1 0.5 0.5\n");
        e = assertThrows(FormatFileException.class, () -> ProjectFormats.importInto(
                FormatsFixture.emptyProject(), folder, fixture.images(), AnnotationFormat.YOLO_SEG, out));
        assertTrue(e.getMessage().contains("line 1: value 3 is 1.5"), e.getMessage());
    }

    @Test
    void readsNamesAsListOrIndexMapAndRejectsGaps() throws IOException {
        Path yaml = out.resolve("data.yaml");
        Files.writeString(yaml, "names:\n  0: person\n  1: bicycle\n");
        assertEquals(List.of("person", "bicycle"), YoloDataYaml.readNames(yaml));
        Files.writeString(yaml, "names:\n  0: person\n  2: car\n");
        IOException e = assertThrows(FormatFileException.class, () -> YoloDataYaml.readNames(yaml));
        assertTrue(e.getMessage().contains("class 1 is missing"), e.getMessage());
    }
}
