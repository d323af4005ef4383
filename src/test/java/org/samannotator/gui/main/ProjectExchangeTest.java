package org.samannotator.gui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.samannotator.core.annotation.AnnotatedObject;
import org.samannotator.core.annotation.AnnotationProject;
import org.samannotator.core.formats.AnnotationFormat;
import org.samannotator.core.formats.ExportOptions;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.mask.BitMask;
import org.samannotator.gui.AnnotatorHarness;
import org.samannotator.gui.SyntheticImages;

/** File > Export as / Import in every format, through the window's view model (fake segmenter, no model). */
class ProjectExchangeTest {
    @TempDir
    Path root;

    private ProjectExchange.Outcome run(AnnotatorHarness h, java.util.function.Consumer<
            java.util.function.Consumer<ProjectExchange.Outcome>> start) {
        ProjectExchange.Outcome[] outcome = {null};
        start.accept(o -> outcome[0] = o);
        h.ui.runUntil(() -> outcome[0] != null, AnnotatorHarness.TIMEOUT, "export or import finished");
        return outcome[0];
    }

    private static AnnotatedObject annotateDisc(AnnotatorHarness h) {
        int[] c = SyntheticImages.discCentre(1);
        h.canvas().click(new ImagePoint(c[0], c[1]), false, 6);
        h.awaitDecoded();
        h.vm.accept();
        return h.vm.session().project().orElseThrow().image("img1.png").objects().get(0);
    }

    private static Path target(Path root, AnnotationFormat format) {
        return format.exportsSingleFile() ? root.resolve("out.json") : root.resolve("out-" + format.id());
    }

    @ParameterizedTest
    @EnumSource(AnnotationFormat.class)
    void anExportedObjectComesBackByImportAfterItWasDeleted(AnnotationFormat format) throws Exception {
        try (AnnotatorHarness h = AnnotatorHarness.create(root, 2).openAndWait()) {
            AnnotatedObject object = annotateDisc(h);
            Path out = target(root, format);
            ProjectExchange.Outcome exported = run(h, done -> h.vm.export(format, out, ExportOptions.DEFAULT, done));
            assertTrue(exported.succeeded(), exported.message());
            assertTrue(exported.message().startsWith("Exported 1 objects of 2 images as " + format.displayName()),
                    exported.message());
            assertTrue(Files.exists(out));
            assertEquals(exported.message(), h.vm.status().activityProperty().get(), "also in the status bar");
            assertEquals("", h.vm.status().taskProperty().get(), "no task left running");

            AnnotationProject project = h.vm.session().project().orElseThrow();
            project.deleteObject("img1.png", object.id());
            ProjectExchange.Outcome imported = run(h, done -> h.vm.importFrom(format, out, done));
            assertTrue(imported.succeeded(), imported.message());
            assertTrue(imported.message().startsWith("Imported 1 objects into 1 images"), imported.message());
            BitMask back = project.image("img1.png").objects().get(0).mask();
            assertEquals(object.mask().area(), back.area(), "the same pixels");

            ProjectExchange.Outcome again = run(h, done -> h.vm.importFrom(format, out, done));
            assertTrue(again.message().contains("1 objects the project already had were skipped"), again.message());
            assertEquals(1, project.image("img1.png").objects().size());
            project.undo();
            assertEquals(1, project.image("img1.png").objects().size(), "an import adding nothing is no edit");
        }
    }

    @Test
    void aMalformedFileIsReportedAndNothingIsAdded() throws Exception {
        try (AnnotatorHarness h = AnnotatorHarness.create(root, 1).openAndWait()) {
            Path yolo = root.resolve("yolo");
            Files.createDirectories(yolo.resolve("labels"));
            Files.writeString(yolo.resolve("data.yaml"), "names: [disc]\n");
            Files.writeString(yolo.resolve("labels/img1.txt"), "0 0.1 0.1 0.5 0.1 0.5\n3 0.1 0.1 0.5 0.1 0.5 0.5\n");
            ProjectExchange.Outcome outcome = run(h, done -> h.vm.importFrom(AnnotationFormat.YOLO_SEG, yolo, done));
            assertFalse(outcome.succeeded());
            assertTrue(outcome.message().startsWith("Import of Ultralytics YOLO segmentation failed (nothing was added)"),
                    outcome.message());
            assertTrue(outcome.message().contains("img1.txt"), "names the file: " + outcome.message());
            assertEquals(0, h.vm.session().project().orElseThrow().image("img1.png").objects().size());
        }
    }

    @Test
    void aSecondExportWaitsForTheFirst() throws Exception {
        try (AnnotatorHarness h = AnnotatorHarness.create(root, 2).openAndWait()) {
            ProjectExchange.Outcome[] first = {null};
            ProjectExchange.Outcome[] second = {null};
            h.vm.export(AnnotationFormat.VOC, root.resolve("voc"), ExportOptions.DEFAULT, o -> first[0] = o);
            assertTrue(h.vm.status().taskProperty().get().startsWith("Exporting 2 images as Pascal VOC"),
                    h.vm.status().taskProperty().get());
            h.vm.export(AnnotationFormat.COCO, root.resolve("c.json"), ExportOptions.DEFAULT, o -> second[0] = o);
            assertFalse(second[0].succeeded());
            assertTrue(second[0].message().startsWith("Wait until this finishes: Exporting"), second[0].message());
            h.ui.runUntil(() -> first[0] != null, AnnotatorHarness.TIMEOUT, "first export");
            assertTrue(first[0].succeeded(), first[0].message());
        }
    }
}
