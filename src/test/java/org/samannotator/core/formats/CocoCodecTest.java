package org.samannotator.core.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.annotation.AnnotatedObject;
import org.samannotator.core.annotation.AnnotationProject;

class CocoCodecTest {
    @TempDir
    Path folder;
    @TempDir
    Path out;

    @Test
    void roundTripKeepsMasksSecondsAndPredictedIou() throws IOException {
        FormatsFixture fixture = new FormatsFixture(folder);
        Path file = out.resolve("export.json");
        ProjectFormats.export(fixture.project, folder, fixture.images(), AnnotationFormat.COCO, file,
                ExportOptions.DEFAULT);

        AnnotationProject imported = FormatsFixture.emptyProject();
        var report = ProjectFormats.importInto(imported, folder, fixture.images(), AnnotationFormat.COCO, file);

        assertEquals(4, report.added().objects());
        assertEquals(FormatsFixture.masks(fixture.project, "a.png"), FormatsFixture.masks(imported, "a.png"));
        AnnotatedObject object = imported.image("a.png").objects().get(0);
        assertEquals(2.5, object.secondsSpent());
        assertEquals(0.9, object.predictedIou().getAsDouble(), 1e-9);
        assertEquals(List.of("cat", "cat", "dog"), FormatsFixture.categoryNames(imported, "a.png"));
    }
}
