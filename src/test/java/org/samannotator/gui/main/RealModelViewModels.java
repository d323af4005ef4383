package org.samannotator.gui.main;

import java.nio.file.Path;
import org.samannotator.core.embedding.EmbeddingCache;
import org.samannotator.core.model.TestModels;
import org.samannotator.core.refine.ClickLevers;
import org.samannotator.core.refine.ClickSegmenter;
import org.samannotator.core.sam.SamPredictor;
import org.samannotator.gui.concurrent.FxUiExecutor;

/** The window's view model as the GUI tests use it: the real default model, every click lever off. */
final class RealModelViewModels {
    private RealModelViewModels() {
    }

    /** Embedding cache and recent-folders list under {@code root}; callbacks on the FX thread. */
    static MainViewModel withDefaultModel(Path root) {
        return new MainViewModel(() -> new ClickSegmenter(SamPredictor.load(TestModels.defaultModel()), ClickLevers.plain()),
                new EmbeddingCache(root.resolve("cache"), EmbeddingCache.DEFAULT_MAX_BYTES),
                new RecentFolders(root.resolve("recent.txt")), new FxUiExecutor());
    }
}
