package org.samannotator.core.refine;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
    /** System property choosing the levers for one run: {@code choice}, {@code defaults} or {@code plain}. */
    public static final String PROPERTY = "samannotator.clickLevers";
    private final ModelDirectory directory;
    private final Consumer<String> progress;
    private final Supplier<ClickLevers> levers;

    /** A source whose segmenter uses the levers of {@link #leversFromSettings()}. */
    public InstalledSegmenterSource(ModelDirectory directory, Consumer<String> progress) {
        this(directory, progress, fixed(leversFromSettings()));
    }

    /**
     * A source whose segmenter asks {@code levers} at every click, so a change (the user's settings) takes
     * effect at the next click; it is called on the model thread.
     */
    public InstalledSegmenterSource(ModelDirectory directory, Consumer<String> progress, Supplier<ClickLevers> levers) {
        this.directory = directory;
        this.progress = progress;
        this.levers = levers;
    }

    private static Supplier<ClickLevers> fixed(ClickLevers levers) {
        return () -> levers;
    }

    @Override
    public Segmenter open() throws java.io.IOException {
        ModelManifest manifest = ModelManifest.load(directory.path());
        ModelStore store = new ModelStore(directory.path());
        InstalledModel model = store.ensureInstalled(manifest.defaultModel(), (done, total, phase) ->
                progress.accept(total > 0 ? String.format("Model: %s %d%%", phase, 100 * done / total)
                        : "Model: " + phase));
        return new ClickSegmenter(SamPredictor.load(model), levers);
    }

    /**
     * The per-click levers. By default ({@code choice}) the figure-ground choice after the first click, without
     * the click-consistent cleanup, which costs about 100 ms per click on a 12-megapixel image (BENCHMARKS.md);
     * the ablation's combination with {@code -Dsamannotator.clickLevers=defaults}; or every lever off (the model's own pick, as published
     * protocols use it) with {@code -Dsamannotator.clickLevers=plain}.
     */
    static ClickLevers leversFromSettings() {
        return leversFromCommandLine().orElse(ClickLevers.appDefaults());
    }

    /** The levers {@code -Dsamannotator.clickLevers} asks for, empty when it is not set. */
    public static Optional<ClickLevers> leversFromCommandLine() {
        String setting = System.getProperty(PROPERTY);
        if (setting == null) {
            return Optional.empty();
        }
        return Optional.of(switch (setting) {
            case "plain" -> ClickLevers.plain();
            case "defaults" -> ClickLevers.defaults();
            case "choice" -> ClickLevers.appDefaults();
            default -> throw new IllegalArgumentException(
                    PROPERTY + " must be 'defaults', 'choice' or 'plain', not '" + setting + "'");
        });
    }
}
