package org.samannotator.core.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.annotation.AnnotationProject;

/** The File > Import path (core.formats) keeps a detector's bbox-only COCO annotations as box suggestions. */
class BoxOnlyCocoImportTest {
    @TempDir
    Path folder;
    @TempDir
    Path out;

    @Test
    void bboxOnlyAnnotationsBecomeBoxSuggestionsThroughTheFormatsImport() throws IOException {
        FormatsFixture fixture = new FormatsFixture(folder);
        Path coco = out.resolve("detections.json");
        Files.writeString(coco, """
                {"images":[{"id":1,"file_name":"a.png","width":40,"height":30},
                           {"id":2,"file_name":"b.png","width":25,"height":20}],
                 "categories":[{"id":1,"name":"thing"}],
                 "annotations":[{"id":1,"image_id":1,"category_id":1,"bbox":[1,2,10,8]},
                                {"id":2,"image_id":1,"category_id":1,"bbox":[20,5,8,8]},
                                {"id":3,"image_id":2,"category_id":1,"bbox":[0,0,5,5]}]}
                """);
        AnnotationProject project = FormatsFixture.emptyProject();
        ProjectFormats.ImportReport report = ProjectFormats.importInto(project, folder, fixture.images(),
                AnnotationFormat.COCO, coco);
        assertEquals(3, report.added().boxSuggestions());
        assertEquals(0, report.added().objects());
        assertEquals(2, project.image("a.png").suggestions().size());
        assertEquals(1, project.image("b.png").suggestions().size());
    }
}
