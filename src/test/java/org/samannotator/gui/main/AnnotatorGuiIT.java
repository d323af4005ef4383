package org.samannotator.gui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.mask.BitMask;
import org.samannotator.gui.AnnotatorHarness;
import org.samannotator.gui.SyntheticImages;
import org.samannotator.gui.canvas.CanvasView;
import org.samannotator.core.session.ImageState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real app (main window, real SAM model) in headless Monocle: open a generated folder, click the
 * disc, accept, brush, undo, switch image, export, and check the exported COCO JSON.
 */
@ExtendWith(ApplicationExtension.class)
class AnnotatorGuiIT {
    @TempDir
    static Path root;

    private MainViewModel vm;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        vm = RealModelViewModels.withDefaultModel(root);
        window = new MainWindow(vm, stage);
        stage.show();
    }

    @AfterEach
    void stop() {
        vm.close();
    }

    private static void waitFor(String what, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> condition.getAsBoolean());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(condition.getAsBoolean(), what);
    }

    private Point2D onScreen(ImagePoint p) {
        CanvasView canvas = window.canvasView();
        double[] local = canvas.toScreen(p);
        return canvas.localToScreen(local[0], local[1]);
    }

    @Test
    void clickAcceptBrushUndoSwitchImageAndExport(FxRobot robot) throws Exception {
        Path folder = root.resolve("images");
        SyntheticImages.writeFolder(folder, 2);
        robot.interact(() -> vm.openFolder(folder));
        waitFor("first image ready", () -> vm.canvas().imageStateProperty().get() == ImageState.READY);

        int[] c = SyntheticImages.discCentre(1);
        robot.clickOn(onScreen(new ImagePoint(c[0], c[1])), MouseButton.PRIMARY);
        waitFor("candidate decoded", () -> vm.canvas().candidate().map(x -> !x.isDecodePending()).orElse(false));
        robot.type(KeyCode.ENTER);
        waitFor("object accepted", () -> vm.objects().rows().size() == 1);

        robot.type(KeyCode.R);
        robot.drag(onScreen(new ImagePoint(40, 40)), MouseButton.PRIMARY).moveTo(onScreen(new ImagePoint(90, 45)))
                .release(MouseButton.PRIMARY);
        waitFor("brush candidate", () -> vm.canvas().candidate().flatMap(x -> x.mask()).isPresent());
        robot.type(KeyCode.ENTER);
        waitFor("painted object", () -> vm.objects().rows().size() == 2);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitFor("undo accept", () -> vm.objects().rows().size() == 1 && vm.canvas().candidate().isPresent());
        robot.type(KeyCode.ESCAPE);
        waitFor("discarded", () -> vm.canvas().candidate().isEmpty());

        robot.type(KeyCode.D);
        waitFor("second image", () -> "img2.png".equals(vm.folder().currentFileProperty().get())
                && vm.canvas().imageStateProperty().get() == ImageState.READY);
        assertEquals(0, vm.objects().rows().size());
        robot.type(KeyCode.A);
        waitFor("back on the first image", () -> "img1.png".equals(vm.folder().currentFileProperty().get())
                && vm.objects().rows().size() == 1);

        Path export = root.resolve("export.json");
        String[] message = new String[1];
        robot.interact(() -> vm.export(org.samannotator.core.formats.AnnotationFormat.COCO, export,
                org.samannotator.core.formats.ExportOptions.DEFAULT, outcome -> message[0] = outcome.message()));
        waitFor("export finished", () -> message[0] != null);
        assertTrue(message[0].startsWith("Exported 1 objects"), message[0]);
        JsonNode json = new ObjectMapper().readTree(Files.readString(export));
        assertEquals(2, json.get("images").size());
        JsonNode annotation = json.get("annotations").get(0);
        BitMask disc = AnnotatorHarness.disc(1, 640, 480);
        assertEquals(disc.area(), annotation.get("area").asDouble(), disc.area() * 0.1);
        assertEquals(c[0] - SyntheticImages.discRadius(), annotation.get("bbox").get(0).asDouble(), 6);
        assertEquals("object", json.get("categories").get(0).get("name").asText());
        assertEquals(json.get("categories").get(0).get("id").asInt(), annotation.get("category_id").asInt());
        JsonNode point = annotation.get("prompts").get("points").get(0);
        assertEquals(c[0], point.get("x").asDouble(), 3);
        assertEquals(c[1], point.get("y").asDouble(), 3);
        assertEquals(1, point.get("label").asInt());
    }

    @Test
    void boxToolCategoriesDialogStatusKeysAndFilter(FxRobot robot) throws Exception {
        Path folder = root.resolve("images2");
        SyntheticImages.writeFolder(folder, 3);
        robot.interact(() -> vm.openFolder(folder));
        waitFor("first image ready", () -> vm.canvas().imageStateProperty().get() == ImageState.READY);

        robot.clickOn("Add");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TextField name = robot.lookup(".dialog-pane .text-field")
                .queryAs(javafx.scene.control.TextField.class);
        robot.clickOn(name).write("box");
        robot.clickOn("OK");
        waitFor("category added", () -> vm.categories().categories().size() == 2);
        robot.type(KeyCode.DIGIT1);
        assertEquals("object", vm.categories().current().orElseThrow().name());
        robot.type(KeyCode.DIGIT2);
        assertEquals("box", vm.categories().current().orElseThrow().name());

        robot.type(KeyCode.B);
        int[] r = SyntheticImages.rectangle(1);
        robot.drag(onScreen(new ImagePoint(r[0] - 5, r[1] - 5)), MouseButton.PRIMARY)
                .moveTo(onScreen(new ImagePoint(r[0] + r[2] / 2.0, r[1] + r[3] / 2.0)))
                .moveTo(onScreen(new ImagePoint(r[0] + r[2] + 5, r[1] + r[3] + 5))).release(MouseButton.PRIMARY);
        waitFor("box decoded", () -> vm.canvas().candidate().map(c -> !c.isDecodePending()
                && c.prompts().box().isPresent()).orElse(false));
        BitMask rect = AnnotatorHarness.rectangle(1, 640, 480);
        assertTrue(vm.canvas().candidate().orElseThrow().mask().orElseThrow().iou(rect) > 0.85);
        robot.clickOn("#accept-candidate");
        waitFor("accepted with the box category", () -> vm.objects().rows().size() == 1
                && "box".equals(vm.objects().rows().get(0).categoryName()));

        assertEquals(org.samannotator.core.annotation.ImageStatus.IN_PROGRESS,
                vm.folder().visibleRows().get(0).status(), "accepting an object starts the image");
        robot.type(KeyCode.S);
        waitFor("status done", () -> vm.folder().visibleRows().get(0).status()
                == org.samannotator.core.annotation.ImageStatus.DONE);
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        waitFor("next image", () -> "img2.png".equals(vm.folder().currentFileProperty().get()));

        robot.clickOn("#folder-filter").write("3");
        waitFor("filtered", () -> vm.folder().visibleRows().size() == 1);
        robot.type(KeyCode.ESCAPE);
        robot.type(KeyCode.D);
        waitFor("next within the filter", () -> "img3.png".equals(vm.folder().currentFileProperty().get()));
    }
}
