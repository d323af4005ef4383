package org.samannotator.core.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.annotation.ImportedObject;
import org.samannotator.core.annotation.ObjectOrigin;
import org.samannotator.core.annotation.PromptSet;

/** The formats that can carry an object's origin write it: COCO "origin", labelme shape "origin", VOC {@code <origin>}. */
class OriginExportTest {
    @TempDir
    Path folder;
    @TempDir
    Path out;

    private FormatsFixture fixtureWithSuggestedObject() throws IOException {
        FormatsFixture fixture = new FormatsFixture(folder);
        fixture.project.importObjects(List.of(), Map.of("c.png", List.of(new ImportedObject(1,
                FormatsFixture.rectangle(new org.samannotator.core.geometry.Size(10, 10), 2, 2, 6, 6), PromptSet.EMPTY,
                OptionalDouble.of(0.9), 1.5, ObjectOrigin.SUGGESTED_THEN_EDITED))));
        return fixture;
    }

    @Test
    void cocoLabelmeAndVocCarryTheOrigin() throws IOException {
        FormatsFixture fixture = fixtureWithSuggestedObject();
        ProjectFormats.export(fixture.project, folder, fixture.images(), AnnotationFormat.COCO, out.resolve("coco.json"),
                ExportOptions.DEFAULT);
        JsonNode coco = new ObjectMapper().readTree(out.resolve("coco.json").toFile());
        JsonNode last = coco.get("annotations").get(coco.get("annotations").size() - 1);
        assertEquals("suggested_then_edited", last.get("origin").asText());
        assertEquals("manual", coco.get("annotations").get(0).get("origin").asText());

        ProjectFormats.export(fixture.project, folder, fixture.images(), AnnotationFormat.LABELME, out,
                ExportOptions.DEFAULT);
        JsonNode labelme = new ObjectMapper().readTree(out.resolve("c.json").toFile());
        assertEquals("suggested_then_edited", labelme.get("shapes").get(0).get("origin").asText());

        Path voc = out.resolve("voc");
        ProjectFormats.export(fixture.project, folder, fixture.images(), AnnotationFormat.VOC, voc, ExportOptions.DEFAULT);
        String xml = Files.readString(voc.resolve("Annotations/c.xml"));
        assertTrue(xml.contains("<origin>suggested_then_edited</origin>"), xml);
    }

    @Test
    void aCocoRoundTripKeepsTheOrigin() throws IOException {
        FormatsFixture fixture = fixtureWithSuggestedObject();
        ProjectFormats.export(fixture.project, folder, fixture.images(), AnnotationFormat.COCO, out.resolve("coco.json"),
                ExportOptions.DEFAULT);
        var imported = FormatsFixture.emptyProject();
        ProjectFormats.importInto(imported, folder, fixture.images(), AnnotationFormat.COCO, out.resolve("coco.json"));
        assertEquals(ObjectOrigin.SUGGESTED_THEN_EDITED, imported.image("c.png").objects().get(0).origin());
        assertEquals(ObjectOrigin.MANUAL, imported.image("a.png").objects().get(0).origin());
    }
}
