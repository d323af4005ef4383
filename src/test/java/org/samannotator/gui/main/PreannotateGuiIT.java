package org.samannotator.gui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.annotation.AnnotatedObject;
import org.samannotator.core.annotation.ObjectOrigin;
import org.samannotator.core.annotation.Suggestion;
import org.samannotator.core.session.ImageState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Pre-annotation in the real app with the real model on a real photo (GrabCut-50's flowers, read from the
 * shared datasets folder into a temporary folder): Image > Pre-annotate from the menu, the suggestions arrive
 * as suggestions (not objects), Y accepts one as an object of origin "suggested", Ctrl+Z takes it back, and
 * the COCO export carries the origin.
 */
@ExtendWith(ApplicationExtension.class)
class PreannotateGuiIT {
    private static final Path GRABCUT = Path.of("/work/shared/datasets/GrabCut50/images/124084.jpg");

    @TempDir
    static Path root;

    private MainViewModel vm;
    private MainWindow window;

    @BeforeAll
    static void smallGrid() {
        System.setProperty("samannotator.preannotate.pointsPerSide", "8");
    }

    @AfterAll
    static void defaultGrid() {
        System.clearProperty("samannotator.preannotate.pointsPerSide");
    }

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

    private static void waitFor(String what, int seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> condition.getAsBoolean());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(condition.getAsBoolean(), what);
    }

    @Test
    void preannotateFromTheMenuThenAcceptWithY(FxRobot robot) throws Exception {
        Path folder = root.resolve("photos");
        Files.createDirectories(folder);
        Files.copy(GRABCUT, folder.resolve(GRABCUT.getFileName()));
        robot.interact(() -> vm.openFolder(folder));
        waitFor("image ready", 180, () -> vm.canvas().imageStateProperty().get() == ImageState.READY);

        robot.clickOn("Image").clickOn("Pre-annotate");
        waitFor("pre-annotation started", 30, () -> vm.status().preannotatingProperty().get());
        waitFor("pre-annotation finished", 600, () -> !vm.status().preannotatingProperty().get());
        assertTrue(vm.status().activityProperty().get().startsWith("Pre-annotated 124084.jpg"),
                vm.status().activityProperty().get());
        int offered = vm.objects().suggestionRows().size();
        assertTrue(offered > 0, "the model suggests at least one confident mask on the flowers photo");
        assertEquals(0, vm.objects().rows().size(), "suggestions are not objects");
        for (Suggestion s : vm.session().current().suggestions()) {
            assertTrue(s.predictedIou().orElseThrow() > 0.88 && s.stabilityScore().orElseThrow() >= 0.95, s.toString());
        }

        robot.clickOn(window.canvasView());
        robot.type(KeyCode.ESCAPE);
        robot.type(KeyCode.Y);
        waitFor("suggestion accepted", 30, () -> vm.objects().rows().size() == 1);
        AnnotatedObject object = vm.session().current().objects().get(0);
        assertEquals(ObjectOrigin.SUGGESTED, object.origin());
        assertEquals(offered - 1, vm.objects().suggestionRows().size());

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitFor("undone", 30, () -> vm.objects().rows().isEmpty() && vm.objects().suggestionRows().size() == offered);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor("redone", 30, () -> vm.objects().rows().size() == 1);

        Path export = root.resolve("export.json");
        String[] message = new String[1];
        robot.interact(() -> vm.export(org.samannotator.core.formats.AnnotationFormat.COCO, export,
                org.samannotator.core.formats.ExportOptions.DEFAULT, outcome -> message[0] = outcome.message()));
        waitFor("export finished", 60, () -> message[0] != null);
        JsonNode annotation = new ObjectMapper().readTree(Files.readString(export)).get("annotations").get(0);
        assertEquals("suggested", annotation.get("origin").asText());
    }
}
