package org.samannotator.gui.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.session.AnnotationSession;
import org.samannotator.core.session.FakeSegmenter;
import org.samannotator.core.thumbnail.ThumbnailCache;
import org.samannotator.gui.concurrent.FxUiExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The folder panel on a folder of 10,000 generated tiny images (headless Monocle): thumbnails are asked for
 * only for the rows on screen (the list is virtualised, nothing is decoded for the other 9,990), also after
 * scrolling to the middle, and they arrive from the real {@link ThumbnailCache}.
 */
@ExtendWith(ApplicationExtension.class)
class FolderPanelIT {
    private static final int IMAGES = 10_000;

    @TempDir
    static Path root;

    private final Set<Path> requested = ConcurrentHashMap.newKeySet();
    private AnnotationSession session;
    private ThumbnailLoader loader;
    private FolderPanel panel;

    @BeforeAll
    static void writeFolder() throws Exception {
        writeTinyImages(root.resolve("images"));
    }

    @Start
    void start(Stage stage) throws Exception {
        Path folder = root.resolve("images");
        session = new AnnotationSession(FakeSegmenter::new, null, new FxUiExecutor());
        FolderViewModel vm = new FolderViewModel(session);
        ThumbnailCache cache = new ThumbnailCache(root.resolve("thumbnails"), ThumbnailCache.DEFAULT_LONGEST_SIDE);
        loader = new ThumbnailLoader(file -> record(cache, file), new FxUiExecutor());
        panel = new FolderPanel(vm, loader);
        assertTrue(session.openFolder(folder, Optional.empty(), () -> true).opened());
        stage.setScene(new Scene(panel, 320, 640));
        stage.show();
    }

    private RgbImage record(ThumbnailCache cache, Path file) throws Exception {
        requested.add(file);
        return cache.thumbnail(file);
    }

    /** 10,000 PNGs of 6 x 4 pixels in 16 colours (encoded once per colour, then written as bytes: fast). */
    private static void writeTinyImages(Path folder) throws Exception {
        Files.createDirectories(folder);
        byte[][] pngs = new byte[16][];
        for (int c = 0; c < pngs.length; c++) {
            BufferedImage image = new BufferedImage(6, 4, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 6; x++) {
                    image.setRGB(x, y, java.awt.Color.HSBtoRGB(c / 16f, 0.8f, 0.9f));
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            pngs[c] = png.toByteArray();
        }
        for (int i = 0; i < IMAGES; i++) {
            Files.write(folder.resolve(String.format("img%05d.png", i)), pngs[i % pngs.length]);
        }
    }

    @AfterEach
    void stop() {
        loader.close();
        session.close();
    }

    private int indexOf(Path file) {
        return Integer.parseInt(file.getFileName().toString().substring(3, 8));
    }

    private void awaitThumbnails(List<Integer> rows) throws Exception {
        Path folder = root.resolve("images");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> rows.stream().allMatch(i ->
                loader.cached(folder.resolve(String.format("img%05d.png", i))).isPresent()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void thumbnailsAreRequestedOnlyForTheRowsOnScreen(FxRobot robot) throws Exception {
        ListView<?> list = robot.lookup("#folder-list").queryAs(ListView.class);
        assertEquals(IMAGES, list.getItems().size());
        int onScreen = (int) Math.ceil(list.getHeight() / FolderPanel.ROW_HEIGHT);
        awaitThumbnails(List.of(0, onScreen - 2));
        int slack = 3; // cells the list lays out beyond the last visible one
        assertTrue(requested.stream().allMatch(f -> indexOf(f) < onScreen + slack),
                "only rows on screen: " + requested.stream().map(this::indexOf).sorted().toList());
        int atTop = requested.size();

        robot.interact(() -> list.scrollTo(5000));
        awaitThumbnails(List.of(5000, 5000 + onScreen - 2));
        List<Integer> middle = requested.stream().map(this::indexOf).filter(i -> i >= onScreen + slack).toList();
        assertTrue(middle.stream().allMatch(i -> i >= 5000 - slack && i < 5000 + onScreen + slack),
                "only rows on screen after scrolling: " + middle.stream().sorted().toList());
        assertTrue(requested.size() <= atTop + onScreen + 2 * slack, "requested " + requested.size());
        assertTrue(Files.list(root.resolve("thumbnails")).count() >= requested.size() - 1,
                "thumbnails cached on disk");
    }
}
