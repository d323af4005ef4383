package org.samannotator.core.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.annotation.AnnotationProject;
import org.samannotator.core.mask.BitMask;

class LabelmeCodecTest {
    @TempDir
    Path folder;
    @TempDir
    Path out;

    @Test
    void roundTripBesideTheImagesKeepsPixelsButFillsHoles() throws IOException {
        FormatsFixture fixture = new FormatsFixture(folder);
        ProjectFormats.export(fixture.project, folder, fixture.images(), AnnotationFormat.LABELME, folder,
                ExportOptions.DEFAULT);

        AnnotationProject imported = FormatsFixture.emptyProject();
        var report = ProjectFormats.importInto(imported, folder, fixture.images(), AnnotationFormat.LABELME, folder);

        assertEquals(4, report.added().objects());
        List<BitMask> before = FormatsFixture.masks(fixture.project, "a.png");
        List<BitMask> after = FormatsFixture.masks(imported, "a.png");
        assertEquals(FormatsFixture.rectangle(FormatsFixture.A, 2, 2, 14, 14), after.get(0), "the hole is filled");
        assertEquals(before.get(1), after.get(1), "both parts of one object come back as one object");
        assertEquals(before.get(2), after.get(2));
        assertEquals(FormatsFixture.masks(fixture.project, "b.png"), FormatsFixture.masks(imported, "b.png"));
        assertEquals(FormatsFixture.categoryNames(fixture.project, "a.png"),
                FormatsFixture.categoryNames(imported, "a.png"));
    }

    @Test
    void writesTheKeysLabelmeReads() throws IOException {
        FormatsFixture fixture = new FormatsFixture(folder);
        ProjectFormats.export(fixture.project, folder, fixture.images(), AnnotationFormat.LABELME, out,
                ExportOptions.DEFAULT);

        JsonNode root = new ObjectMapper().readTree(out.resolve("a.json").toFile());
        assertTrue(root.get("version").asText().startsWith("5."));
        assertTrue(root.get("flags").isObject());
        assertTrue(root.get("imageData").isNull());
        assertEquals(40, root.get("imageWidth").asInt());
        assertEquals(30, root.get("imageHeight").asInt());
        assertEquals(folder.resolve("a.png").toRealPath(),
                out.resolve(root.get("imagePath").asText()).toRealPath(), "imagePath is relative to the JSON");
        JsonNode shapes = root.get("shapes");
        assertEquals(4, shapes.size(), "ring, two parts of one object, rectangle");
        JsonNode first = shapes.get(0);
        assertEquals("cat", first.get("label").asText());
        assertEquals("polygon", first.get("shape_type").asText());
        assertEquals(1, first.get("group_id").asInt());
        assertTrue(first.get("flags").isObject());
        assertEquals(2, first.get("points").get(0).size());
        assertEquals(shapes.get(1).get("group_id"), shapes.get(2).get("group_id"));
        assertTrue(Files.notExists(out.resolve("c.json")));
    }

    @Test
    void malformedPointNamesTheJsonPath() throws IOException {
        FormatsFixture fixture = new FormatsFixture(folder);
        Files.writeString(out.resolve("a.json"), "{\"imagePath\": \"a.png\", \"shapes\": [{\"label\": \"cat\","
                + " \"points\": [[1, 1], [5, \"x\"], [5, 5]], \"shape_type\": \"polygon\"}]}");

        IOException e = assertThrows(FormatFileException.class, () -> ProjectFormats.importInto(
                FormatsFixture.emptyProject(), folder, fixture.images(), AnnotationFormat.LABELME, out));

        assertTrue(e.getMessage().contains("a.json, shapes[0].points[1]: must be [x, y]"), e.getMessage());
    }

    @Test
    void readsRectanglesAndSkipsShapesWithoutArea() throws IOException {
        FormatsFixture fixture = new FormatsFixture(folder);
        Files.writeString(out.resolve("b.json"), "{\"imagePath\": \"../x/b.png\", \"imageWidth\": 25, "
                + "\"shapes\": [{\"label\": \"box\", \"points\": [[2, 3], [6, 8]], \"shape_type\": \"rectangle\"},"
                + " {\"label\": \"p\", \"points\": [[2, 3]], \"shape_type\": \"point\"}]}");

        AnnotationProject imported = FormatsFixture.emptyProject();
        var report = ProjectFormats.importInto(imported, folder, fixture.images(), AnnotationFormat.LABELME, out);

        assertEquals(List.of(FormatsFixture.rectangle(FormatsFixture.B, 2, 3, 7, 9)),
                FormatsFixture.masks(imported, "b.png"), "labelme fills the corner pixels too");
        assertEquals(1, report.warnings().size(), report.warnings().toString());
    }
}
