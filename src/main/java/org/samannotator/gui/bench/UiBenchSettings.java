package org.samannotator.gui.bench;

import java.util.List;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.model.ModelDirectory;
import org.samannotator.core.refine.ClickLevers;

/**
 * What {@link UiBenchmark#run} measures: {@code calls} timed clicks after {@code warmup} untimed ones on a
 * synthetic image of each of {@code sizes} (width x height pixels), with the default model of
 * {@code models}. {@code headless}: start JavaFX on Monocle's headless screen with the software renderer
 * instead of the real display. {@code duringPreannotation}: after the idle clicks, the same number again on the
 * same image while Image > Pre-annotate runs (restarted whenever it finishes), in the same sitting.
 * {@code levers}: the per-click levers the app window uses, set the way {@code -Dsamannotator.clickLevers} sets
 * them in the app (through its settings; {@link ClickLevers#appDefaults()} unless a run asks otherwise).
 */
public record UiBenchSettings(int calls, int warmup, List<Size> sizes, boolean headless, ModelDirectory models,
        boolean duringPreannotation, ClickLevers levers) {
    public UiBenchSettings {
        if (calls < 1) {
            throw new IllegalArgumentException("--calls must be at least 1, got " + calls);
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("--warmup must not be negative, got " + warmup);
        }
        sizes = List.copyOf(sizes);
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException("--sizes needs at least one WIDTHxHEIGHT");
        }
        java.util.Objects.requireNonNull(levers, "levers");
    }

    /** With the app's default levers. */
    public UiBenchSettings(int calls, int warmup, List<Size> sizes, boolean headless, ModelDirectory models,
            boolean duringPreannotation) {
        this(calls, warmup, sizes, headless, models, duringPreannotation, ClickLevers.appDefaults());
    }

    public UiBenchSettings(int calls, int warmup, List<Size> sizes, boolean headless, ModelDirectory models) {
        this(calls, warmup, sizes, headless, models, false);
    }
}
