package org.samannotator.gui.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.gui.AnnotatorHarness;
import org.samannotator.gui.QueueExecutor;
import org.samannotator.gui.SyntheticImages;
import org.samannotator.gui.canvas.CanvasViewModel;
import org.samannotator.core.session.ImageState;
import org.samannotator.gui.main.MainViewModel;
import org.samannotator.gui.main.RecentFolders;

/** Objects panel logic, in the brush-only mode the app falls back to when the model is missing. */
class ObjectsViewModelTest {
    @TempDir
    Path root;

    @Test
    void withoutAModelTheBrushStillWorksAndObjectsCanBeHiddenRecategorisedAndDeleted() throws Exception {
        SyntheticImages.writeFolder(root.resolve("images"), 1);
        QueueExecutor ui = new QueueExecutor();
        try (MainViewModel vm = new MainViewModel(() -> {
            throw new java.io.FileNotFoundException("models/missing-encoder.onnx");
        }, null, new RecentFolders(root.resolve("recent.txt")), ui)) {
            vm.openFolder(root.resolve("images"));
            CanvasViewModel canvas = vm.canvas();
            ui.runUntil(() -> canvas.imageStateProperty().get() == ImageState.NO_MODEL, AnnotatorHarness.TIMEOUT,
                    "brush-only mode");
            assertTrue(vm.status().activityProperty().get().contains("missing-encoder.onnx"));
            assertFalse(vm.status().modelAvailableProperty().get());

            canvas.click(new ImagePoint(100, 100), false, 5);
            assertTrue(canvas.candidate().isEmpty(), "no prompts without a model");
            vm.tools().setBrushRadius(5);
            canvas.paint(List.of(new ImagePoint(20, 20)), false);
            vm.accept();
            canvas.paint(List.of(new ImagePoint(60, 60), new ImagePoint(80, 60)), false);
            vm.accept();

            ObjectsViewModel objects = vm.objects();
            assertEquals(2, objects.rows().size());
            ObjectRow first = objects.rows().get(0);
            assertEquals(1, first.number());
            assertEquals("object", first.categoryName());
            assertTrue(first.area() > 60 && first.area() < 100, "disc of radius 5: " + first.area());

            objects.setVisible(first.id(), false);
            assertFalse(objects.rows().get(0).visible());
            canvas.selectAt(new ImagePoint(20, 20));
            assertEquals(null, canvas.selectedObject().orElse(null), "hidden objects are not picked");

            int dog = vm.categories().add("dog").id();
            objects.changeCategory(first.id(), dog);
            assertEquals("dog", objects.rows().get(0).categoryName());
            objects.delete(first.id());
            assertEquals(1, objects.rows().size());
            assertEquals(1, objects.rows().get(0).number());
            vm.undo();
            assertEquals(2, objects.rows().size());
        }
    }
}
