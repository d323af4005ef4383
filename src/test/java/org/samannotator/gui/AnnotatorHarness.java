package org.samannotator.gui;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.samannotator.core.embedding.EmbeddingCache;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.model.TestModels;
import org.samannotator.core.sam.SamPredictor;
import org.samannotator.core.refine.ClickLevers;
import org.samannotator.core.refine.ClickSegmenter;
import org.samannotator.core.segment.SegmenterSource;
import org.samannotator.core.session.FakeSegmenter;
import org.samannotator.core.session.ImageState;
import org.samannotator.gui.canvas.CanvasViewModel;
import org.samannotator.gui.main.MainViewModel;
import org.samannotator.gui.main.RecentFolders;

/**
 * A {@link MainViewModel} on a folder of {@link SyntheticImages}, with callbacks delivered through a
 * {@link QueueExecutor} on the test thread, running either the {@link FakeSegmenter} (unit tests, no model
 * files, milliseconds) or the real SAM model, the manifest's default (integration tests).
 */
public final class AnnotatorHarness implements AutoCloseable {
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    public final Path folder;
    public final List<String> files;
    public final QueueExecutor ui = new QueueExecutor();
    public final MainViewModel vm;

    /** The fake segmenter of a harness made by {@link #create} (null with the real model). */
    public final FakeSegmenter fake;

    private AnnotatorHarness(Path folder, List<String> files, Path cacheDir, Path recentFile, SegmenterSource source,
            FakeSegmenter fake) {
        this.folder = folder;
        this.files = files;
        this.fake = fake;
        this.vm = new MainViewModel(source, new EmbeddingCache(cacheDir, EmbeddingCache.DEFAULT_MAX_BYTES),
                new RecentFolders(recentFile), ui);
    }

    /** Synthetic images in {@code root/images} and a view model with the fake segmenter (no folder open yet). */
    public static AnnotatorHarness create(Path root, int images) throws IOException {
        FakeSegmenter fake = new FakeSegmenter();
        return new AnnotatorHarness(folder(root, images), listed(root, images), root.resolve("cache"),
                root.resolve("recent.txt"), () -> fake, fake);
    }

    /** Synthetic images in {@code root/images} and a view model with the real default SAM model. */
    public static AnnotatorHarness createWithModel(Path root, int images) throws IOException {
        return new AnnotatorHarness(folder(root, images), listed(root, images), root.resolve("cache"),
                root.resolve("recent.txt"), () -> new ClickSegmenter(SamPredictor.load(TestModels.defaultModel()), ClickLevers.plain()), null);
    }

    private static Path folder(Path root, int images) throws IOException {
        Path folder = root.resolve("images");
        if (!java.nio.file.Files.exists(folder)) {
            SyntheticImages.writeFolder(folder, images);
        }
        return folder;
    }

    private static List<String> listed(Path root, int images) throws IOException {
        return org.samannotator.core.annotation.ImageFolder.listImages(folder(root, images));
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
            throw new AssertionError("image failed: " + vm.status().activityProperty().get());
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
