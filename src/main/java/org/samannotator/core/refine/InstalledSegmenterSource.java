package org.samannotator.core.refine;

import java.util.function.Consumer;
import org.samannotator.core.model.InstalledModel;
import org.samannotator.core.model.ModelDirectory;
import org.samannotator.core.model.ModelManifest;
import org.samannotator.core.model.ModelStore;
import org.samannotator.core.sam.SamPredictor;
import org.samannotator.core.segment.Segmenter;
import org.samannotator.core.segment.SegmenterSource;

/**
 * Opens the manifest's default model from a models directory as a {@link ClickSegmenter} with the app's
 * per-click levers ({@link #leversFromSettings()}), fetching (and verifying) it first when missing; fetch progress is reported as a sentence ("Model: downloading 40%").
 */
public final class InstalledSegmenterSource implements SegmenterSource {
    private final ModelDirectory directory;
    private final Consumer<String> progress;

    public InstalledSegmenterSource(ModelDirectory directory, Consumer<String> progress) {
        this.directory = directory;
        this.progress = progress;
    }

    @Override
    public Segmenter open() throws java.io.IOException {
        ModelManifest manifest = ModelManifest.load(directory.path());
        ModelStore store = new ModelStore(directory.path());
        InstalledModel model = store.ensureInstalled(manifest.defaultModel(), (done, total, phase) ->
                progress.accept(total > 0 ? String.format("Model: %s %d%%", phase, 100 * done / total)
                        : "Model: " + phase));
        return new ClickSegmenter(SamPredictor.load(model), leversFromSettings());
    }

    /**
     * The per-click levers. By default ({@code choice}) the figure-ground choice after the first click, without
     * the click-consistent cleanup, which costs about 100 ms per click on a 12-megapixel image (BENCHMARKS.md);
     * the ablation's combination with {@code -Dsamannotator.clickLevers=defaults}; or every lever off (the model's own pick, as published
     * protocols use it) with {@code -Dsamannotator.clickLevers=plain}.
     */
    static ClickLevers leversFromSettings() {
        String setting = System.getProperty("samannotator.clickLevers", "choice");
        return switch (setting) {
            case "plain" -> ClickLevers.plain();
            case "defaults" -> ClickLevers.defaults();
            case "choice" -> new ClickLevers(ClickLevers.defaults().firstClickChoice(), false, false,
                    ClickLevers.DEFAULT_HOLE_CELLS, false);
            default -> throw new IllegalArgumentException(
                    "samannotator.clickLevers must be 'defaults', 'choice' or 'plain', not '" + setting + "'");
        };
    }
}
