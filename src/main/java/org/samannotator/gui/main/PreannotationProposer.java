package org.samannotator.gui.main;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.samannotator.core.auto.AmgObjectProposer;
import org.samannotator.core.auto.AmgSettings;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.segment.ObjectProposer;
import org.samannotator.core.segment.PointMasks;
import org.samannotator.core.segment.ProposedObject;
import org.samannotator.core.settings.GeneratorSettings;

/**
 * The app's pre-annotation: the automatic mask generator with the preferences' generator parameters as they
 * are when a run starts (points per side, thresholds, NMS, minimum region), on the whole image, with the
 * adaptive grid and the app's batch size of {@link AmgObjectProposer#appSettings()}.
 */
final class PreannotationProposer implements ObjectProposer {
    private final Supplier<GeneratorSettings> preferences;

    PreannotationProposer(Supplier<GeneratorSettings> preferences) {
        this.preferences = preferences;
    }

    @Override
    public List<ProposedObject> propose(Size imageSize, Function<List<ImagePoint>, List<PointMasks>> decodeBatch,
            Progress progress, BooleanSupplier cancelled) {
        AmgSettings chosen = preferences.get().toAmg();
        AmgSettings used = AmgObjectProposer.appSettings().withPointsPerSide(chosen.pointsPerSide())
                .withThresholds(chosen.predIouThresh(), chosen.stabilityScoreThresh(), chosen.boxNmsThresh())
                .withMinMaskRegionArea(chosen.minMaskRegionArea());
        return new AmgObjectProposer(used).propose(imageSize, decodeBatch, progress, cancelled);
    }
}
