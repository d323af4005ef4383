package org.samannotator.core.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.model.TestModels;
import org.samannotator.core.sam.ImageEmbedding;
import org.samannotator.core.sam.MultimaskOutput;
import org.samannotator.core.sam.SamPredictor;
import org.samannotator.core.geometry.ImagePoint;

/** The generator with the real default model on a generated image of two coloured discs. */
class AutomaticMaskGeneratorIT {
    private static final Size SIZE = new Size(320, 240);

    @Test
    void findsBothDiscs() {
        BitMask red = disc(90, 120, 50);
        BitMask blue = disc(230, 110, 45);
        RgbImage image = paint(red, blue);
        try (SamPredictor predictor = SamPredictor.load(TestModels.defaultModel());
             ImageEmbedding embedding = predictor.encode(image)) {
            List<MultimaskOutput> outputs = predictor.decodePoints(embedding, List.of(new ImagePoint(90, 120)), 64);
            assertEquals(3, outputs.get(0).count(), "tokens 1-3 of the patched decoder");
            AmgSettings settings = AmgSettings.defaults().withPointsPerSide(4);
            AmgResult result = new AutomaticMaskGenerator(settings).generate(
                    SamCropDecoders.direct(predictor, embedding, Optional.of(image), 64), SIZE, AmgProgress.NONE, () -> false);
            assertEquals(16, result.stats().decoderCalls());
            for (BitMask disc : List.of(red, blue)) {
                double best = result.masks().stream().mapToDouble(m -> m.rle().toMask().iou(disc)).max().orElse(0);
                assertTrue(best > 0.85, "best IoU " + best + " among " + result.masks().size() + " masks");
            }
        }
    }

    private static BitMask disc(double cx, double cy, double r) {
        return BitMask.fromPredicate(SIZE, (x, y) -> Math.hypot(x + 0.5 - cx, y + 0.5 - cy) < r);
    }

    private static RgbImage paint(BitMask red, BitMask blue) {
        int[] argb = new int[(int) SIZE.area()];
        for (int y = 0; y < SIZE.height(); y++) {
            for (int x = 0; x < SIZE.width(); x++) {
                argb[y * SIZE.width() + x] = red.get(x, y) ? 0xFFD02020 : blue.get(x, y) ? 0xFF2040D0 : 0xFFB0B0A0;
            }
        }
        return new RgbImage(SIZE, argb);
    }
}
