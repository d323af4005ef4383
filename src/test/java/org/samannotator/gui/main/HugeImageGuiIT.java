package org.samannotator.gui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.geometry.Point2D;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.image.LoadedImage;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.session.ImageState;
import org.samannotator.gui.canvas.CanvasView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real app (main window, real SAM model, headless Monocle) on a generated 12000 x 9000 JPEG: it opens
 * from a subsampled overview, a click segments the disc in original pixels, the object is accepted, zooming
 * in to about 1:1 decodes the visible detail (a 2-pixel line the overview skips becomes visible), the brush
 * paints at full resolution there, and the COCO export has the disc in original pixels.
 */
@ExtendWith(ApplicationExtension.class)
class HugeImageGuiIT {
    private static final int WIDTH = 12000;
    private static final int HEIGHT = 9000;
    private static final int DISC_RADIUS = 2000;
    /** A white line 2 pixels wide at x = LINE_X, LINE_X + 1: not on the overview's 1:5 sampling grid. */
    private static final int LINE_X = 3001;

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

    /** Dark grey, a black disc in the centre and a thin white vertical line on the left. */
    private static void writeImage(Path file) throws Exception {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        Arrays.fill(bgr, (byte) 70);
        long r2 = (long) DISC_RADIUS * DISC_RADIUS;
        for (int y = 0; y < HEIGHT; y++) {
            long dy = y - HEIGHT / 2;
            for (int x = 0; x < WIDTH; x++) {
                long dx = x - WIDTH / 2;
                boolean line = x == LINE_X || x == LINE_X + 1;
                if (line || dx * dx + dy * dy < r2) {
                    Arrays.fill(bgr, (y * WIDTH + x) * 3, (y * WIDTH + x) * 3 + 3, line ? (byte) 255 : (byte) 5);
                }
            }
        }
        assertTrue(ImageIO.write(image, "jpeg", file.toFile()));
    }

    private static void waitFor(String what, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> condition.getAsBoolean());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(condition.getAsBoolean(), what);
    }

    private Point2D onScreen(ImagePoint p) {
        CanvasView canvas = window.canvasView();
        double[] local = canvas.toScreen(p);
        return canvas.localToScreen(local[0], local[1]);
    }

    /** Highest luma (0-255) the canvas shows in the 3 screen pixels in a row around image point {@code p}. */
    private int lumaAt(FxRobot robot, ImagePoint p) {
        CanvasView canvas = window.canvasView();
        int[] luma = new int[1];
        robot.interact(() -> {
            WritableImage image = canvas.snapshot(null, null);
            double[] local = canvas.toScreen(p);
            for (int dx = -1; dx <= 1; dx++) {
                luma[0] = Math.max(luma[0], luma(image.getPixelReader().getArgb((int) local[0] + dx, (int) local[1])));
            }
        });
        return luma[0];
    }

    private static int luma(int rgb) {
        return (int) Math.round(0.299 * (rgb >> 16 & 255) + 0.587 * (rgb >> 8 & 255) + 0.114 * (rgb & 255));
    }

    /**
     * One mouse-wheel notch up over image point {@code p}, as the window system delivers it (the headless
     * robot sends no wheel events): a scroll event of 40 pixels at that point of the canvas (event coordinates in the scene).
     */
    private void wheelUp(FxRobot robot, ImagePoint p) {
        CanvasView canvas = window.canvasView();
        robot.interact(() -> {
            double[] local = canvas.toScreen(p);
            Point2D scene = canvas.localToScene(local[0], local[1]);
            Point2D screen = canvas.localToScreen(local[0], local[1]);
            canvas.fireEvent(new ScrollEvent(ScrollEvent.SCROLL, scene.getX(), scene.getY(), screen.getX(), screen.getY(),
                    false, false, false, false, false, false, 0, 40, 0, 40, ScrollEvent.HorizontalTextScrollUnits.NONE,
                    0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
        });
    }

    /**
     * Pans 30 steps of 15 screen pixels to the right and back with the middle button, as a user's drag
     * delivers them, timing what each step costs the FX thread (the event and the canvas draw: the photo and
     * the objects at screen resolution; detail regions decode on another thread meanwhile). The figures go to
     * target/reliability/huge-image-pan.md (measured, not asserted: timings are for benchmarks).
     */
    private void reportPanSteps(FxRobot robot, ImagePoint at) throws Exception {
        CanvasView canvas = window.canvasView();
        double[] start = new double[2];
        robot.interact(() -> {
            double[] local = canvas.toScreen(at);
            start[0] = local[0];
            start[1] = local[1];
            canvas.fireEvent(middle(javafx.scene.input.MouseEvent.MOUSE_PRESSED, canvas, start[0], start[1]));
        });
        double[] millis = new double[60];
        for (int i = 0; i < millis.length; i++) {
            double x = start[0] + 15 * (i < 30 ? i + 1 : 59 - i);
            long[] took = new long[1];
            robot.interact(() -> {
                long t = System.nanoTime();
                canvas.fireEvent(middle(javafx.scene.input.MouseEvent.MOUSE_DRAGGED, canvas, x, start[1]));
                took[0] = System.nanoTime() - t;
            });
            millis[i] = took[0] / 1e6;
            if (i == 29) {
                double moved = canvas.toScreen(at)[0] - start[0];
                assertTrue(Math.abs(moved - 450) < 1, "the drag moved the view by 450 px, not " + moved);
            }
        }
        robot.interact(() -> canvas.fireEvent(middle(javafx.scene.input.MouseEvent.MOUSE_RELEASED, canvas, start[0],
                start[1])));
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        Path report = Path.of("target", "reliability", "huge-image-pan.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, String.format(java.util.Locale.ROOT, "%d pan steps of 15 px at zoom %.2f on %d x %d:"
                + " FX thread per step median %.1f ms, 95th percentile %.1f ms, max %.1f ms%n", millis.length,
                canvas.zoom(), WIDTH, HEIGHT, sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.95)],
                sorted[sorted.length - 1]));
        assertTrue(Math.abs(canvas.toScreen(at)[0] - start[0]) < 1, "panned back to where it started");
    }

    private static javafx.scene.input.MouseEvent middle(javafx.event.EventType<javafx.scene.input.MouseEvent> type,
            CanvasView canvas, double x, double y) {
        Point2D scene = canvas.localToScene(x, y);
        Point2D screen = canvas.localToScreen(x, y);
        return new javafx.scene.input.MouseEvent(type, scene.getX(), scene.getY(), screen.getX(), screen.getY(),
                MouseButton.MIDDLE, 1,
                false, false, false, false, false, true, false, false, false, false, null);
    }

    @Test
    void opensClicksZoomsIntoDetailBrushesAndExports(FxRobot robot) throws Exception {
        Path folder = root.resolve("images");
        Files.createDirectories(folder);
        writeImage(folder.resolve("huge.jpg"));
        robot.interact(() -> vm.openFolder(folder));
        waitFor("image ready", () -> vm.canvas().imageStateProperty().get() == ImageState.READY);
        LoadedImage shown = vm.canvas().imageProperty().get();
        assertEquals(new Size(WIDTH, HEIGHT), shown.originalSize());
        assertEquals(5, shown.subsampling(), "shown from an overview of every 5th pixel");
        assertEquals(new Size(2400, 1800), shown.image().size());
        int overviewLuma = luma(shown.image().argbAt(LINE_X / 5, HEIGHT / 2 / 5));
        assertTrue(overviewLuma < 150, "the overview skips the line: luma " + overviewLuma);

        ImagePoint centre = new ImagePoint(WIDTH / 2.0 + 300, HEIGHT / 2.0 - 200);
        robot.clickOn(onScreen(centre), MouseButton.PRIMARY);
        waitFor("candidate decoded", () -> vm.canvas().candidate().map(x -> !x.isDecodePending()).orElse(false));
        BitMask disc = BitMask.fromPredicate(new Size(WIDTH, HEIGHT), (x, y) -> {
            long dx = x - WIDTH / 2;
            long dy = y - HEIGHT / 2;
            return dx * dx + dy * dy < (long) DISC_RADIUS * DISC_RADIUS;
        });
        BitMask candidate = vm.canvas().candidate().orElseThrow().view().orElseThrow().mask();
        assertTrue(candidate.iou(disc) > 0.85, "disc IoU " + candidate.iou(disc));
        robot.type(KeyCode.ENTER);
        waitFor("object accepted", () -> vm.objects().rows().size() == 1);

        ImagePoint line = new ImagePoint(LINE_X + 1.0, HEIGHT / 2.0); // the line's centre
        for (int i = 0; i < 80 && window.canvasView().zoom() < 0.9; i++) {
            wheelUp(robot, line);
        }
        assertTrue(window.canvasView().zoom() >= 0.9, "zoomed to " + window.canvasView().zoom());
        waitFor("detail decoded", () -> window.canvasView().detailRegions() > 0);
        int onLine = lumaAt(robot, line);
        int beside = lumaAt(robot, new ImagePoint(LINE_X - 20, HEIGHT / 2.0));
        assertTrue(onLine > 170 && beside < 110, "the 2-pixel line shows at full resolution: " + onLine + " vs " + beside);
        reportPanSteps(robot, line);

        robot.type(KeyCode.R);
        robot.drag(onScreen(new ImagePoint(LINE_X + 40, HEIGHT / 2.0)), MouseButton.PRIMARY)
                .moveTo(onScreen(new ImagePoint(LINE_X + 140, HEIGHT / 2.0 + 10))).release(MouseButton.PRIMARY);
        waitFor("brush candidate", () -> vm.canvas().candidate().flatMap(x -> x.mask()).isPresent());
        BitMask painted = vm.canvas().candidate().orElseThrow().mask().orElseThrow();
        assertEquals(new Size(WIDTH, HEIGHT), painted.size());
        assertTrue(painted.get(LINE_X + 90, HEIGHT / 2 + 5), "painted where the stroke went, in original pixels");
        assertTrue(!painted.get(LINE_X - 100, HEIGHT / 2), "nothing far from the stroke");
        robot.type(KeyCode.ESCAPE);

        Path export = root.resolve("export.json");
        String[] message = new String[1];
        robot.interact(() -> vm.export(org.samannotator.core.formats.AnnotationFormat.COCO, export,
                org.samannotator.core.formats.ExportOptions.DEFAULT, outcome -> message[0] = outcome.message()));
        waitFor("export finished", () -> message[0] != null);
        assertTrue(message[0].startsWith("Exported 1 objects"), message[0]);
        JsonNode json = new ObjectMapper().readTree(Files.readString(export));
        assertEquals(WIDTH, json.get("images").get(0).get("width").asInt());
        JsonNode bbox = json.get("annotations").get(0).get("bbox");
        assertEquals(WIDTH / 2.0 - DISC_RADIUS, bbox.get(0).asDouble(), 150);
        assertEquals(HEIGHT / 2.0 - DISC_RADIUS, bbox.get(1).asDouble(), 150);
        assertEquals(2.0 * DISC_RADIUS, bbox.get(2).asDouble(), 300);
    }
}
