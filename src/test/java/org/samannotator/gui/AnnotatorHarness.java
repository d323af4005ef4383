package org.samannotator.gui;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.samannotator.core.embedding.EmbeddingCache;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.model.TestModels;
import org.samannotator.core.sam.SamPredictor;
import org.samannotator.gui.canvas.CanvasViewModel;
import org.samannotator.gui.canvas.ImageState;
import org.samannotator.gui.main.MainViewModel;
import org.samannotator.gui.main.RecentFolders;

/**
 * A {@link MainViewModel} running the real SAM model (the manifest's default model) on a folder of
 * {@link SyntheticImages}, with callbacks delivered through a {@link QueueExecutor} on the test thread.
 */
public final class AnnotatorHarness implements AutoCloseable {
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    public final Path folder;
    public final List<String> files;
    public final QueueExecutor ui = new QueueExecutor();
    public final MainViewModel vm;

    private AnnotatorHarness(Path folder, List<String> files, Path cacheDir, Path recentFile) {
        this.folder = folder;
        this.files = files;
        this.vm = new MainViewModel(() -> SamPredictor.load(TestModels.defaultModel()),
                new EmbeddingCache(cacheDir, EmbeddingCache.DEFAULT_MAX_BYTES), new RecentFolders(recentFile), ui);
    }

    /** Generates {@code images} synthetic images in {@code root/images} and opens a view model (no folder yet). */
    public static AnnotatorHarness create(Path root, int images) throws IOException {
        Path folder = root.resolve("images");
        List<String> files = java.nio.file.Files.exists(folder)
                ? org.samannotator.core.annotation.ImageFolder.listImages(folder)
                : SyntheticImages.writeFolder(folder, images);
        return new AnnotatorHarness(folder, files, root.resolve("cache"), root.resolve("recent.txt"));
    }

    public CanvasViewModel canvas() {
        return vm.canvas();
    }

    /** Opens the folder and waits until the first image's embedding is ready. */
    public AnnotatorHarness openAndWait() {
        vm.openFolder(folder);
        awaitReady();
        return this;
    }

    public void awaitReady() {
        ui.runUntil(() -> canvas().imageStateProperty().get() == ImageState.READY
                || canvas().imageStateProperty().get() == ImageState.FAILED, TIMEOUT, "image ready");
        if (canvas().imageStateProperty().get() != ImageState.READY) {
            throw new AssertionError("image failed: " + canvas().messageProperty().get());
        }
    }

    /** Waits until the candidate (if any) has its decoder result. */
    public void awaitDecoded() {
        ui.runUntil(() -> canvas().candidate().map(c -> !c.isDecodePending()).orElse(true), TIMEOUT, "decoder");
    }

    public BitMask candidateMask() {
        return canvas().candidate().orElseThrow().mask().orElseThrow();
    }

    /** The disc of image {@code index} (1-based) as a mask. */
    public static BitMask disc(int index, int width, int height) {
        int[] c = SyntheticImages.discCentre(index);
        int r = SyntheticImages.discRadius();
        return BitMask.fromPredicate(new org.samannotator.core.geometry.Size(width, height),
                (x, y) -> Math.hypot(x + 0.5 - c[0], y + 0.5 - c[1]) <= r);
    }

    /** The rectangle of image {@code index} as a mask. */
    public static BitMask rectangle(int index, int width, int height) {
        int[] r = SyntheticImages.rectangle(index);
        return BitMask.fromPredicate(new org.samannotator.core.geometry.Size(width, height),
                (x, y) -> x >= r[0] && x < r[0] + r[2] && y >= r[1] && y < r[1] + r[3]);
    }

    @Override
    public void close() {
        vm.close();
    }
}
