package org.samannotator.core.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.samannotator.core.geometry.Box;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.model.TestModels;
import org.samannotator.core.prompt.Prompt;
import org.samannotator.core.prompt.PromptPoint;

/** Runs the real default model on an image generated in code: a plain object on a textured background. */
class SamPredictorIT {
    private static final Size SIZE = new Size(640, 480);
    private static SamPredictor predictor;
    private static ImageEmbedding embedding;
    private static BitMask object;

    @BeforeAll
    static void encode() {
        predictor = SamPredictor.load(TestModels.defaultModel());
        object = BitMask.fromPredicate(SIZE, (x, y) -> {
            double dx = (x - 380) / 130.0;
            double dy = (y - 250) / 90.0;
            return dx * dx + dy * dy <= 1.0;
        });
        embedding = predictor.setImage(syntheticImage(object));
    }

    @AfterAll
    static void close() {
        embedding.close();
        predictor.close();
    }

    /** Orange ellipse on a noisy green-grey texture with stripes. */
    static RgbImage syntheticImage(BitMask object) {
        Random random = new Random(42);
        Size size = object.size();
        int[] argb = new int[(int) size.area()];
        for (int y = 0; y < size.height(); y++) {
            for (int x = 0; x < size.width(); x++) {
                int i = y * size.width() + x;
                if (object.get(x, y)) {
                    argb[i] = 0xFFE07020;
                } else {
                    int stripe = ((x + y) / 12) % 2 == 0 ? 30 : 0;
                    int g = 90 + stripe + random.nextInt(40);
                    argb[i] = 0xFF000000 | ((g - 20) << 16) | (g << 8) | (g - 30);
                }
            }
        }
        return new RgbImage(size, argb);
    }

    @Test
    void clickOnTheObjectSegmentsIt() {
        Prediction prediction = predictor.predict(Prompt.ofPoints(List.of(PromptPoint.foreground(380, 250))));
        BitMask mask = prediction.chosen().mask();
        assertEquals(SIZE, mask.size());
        double iou = mask.iou(object);
        assertTrue(iou >= 0.9, "IoU with the drawn object was " + iou);
        assertTrue(prediction.chosen().predictedIou() > 0.5f);
    }

    @Test
    void singleClickAlsoReturnsTheOtherTokensAndJavaUpscalingMatchesTheModel() {
        Prompt prompt = Prompt.ofPoints(List.of(PromptPoint.foreground(380, 250)));
        assertTrue(predictor.exposesAllMaskTokens(), "the default decoder's four mask tokens should be exposed");
        predictor.setUpscaling(DecoderUpscaling.IN_MODEL);
        Prediction model = predictor.predict(embedding, prompt, AlternativeMasks.ALWAYS);
        predictor.setUpscaling(DecoderUpscaling.IN_JAVA);
        Prediction java = predictor.predict(embedding, prompt, AlternativeMasks.ALWAYS);
        assertEquals(2, model.alternatives().size(), "tokens 1-3 other than the chosen one");
        assertTrue(model.chosen().tokenIndex() >= 1, "a single click picks among tokens 1-3");
        long differing = model.chosen().mask().unionArea(java.chosen().mask())
                - model.chosen().mask().intersectionArea(java.chosen().mask());
        assertTrue(differing <= SIZE.area() / 10_000, "Java post-processing differs from the model's masks in " + differing + " px");
        for (MaskCandidate alternative : java.alternatives()) {
            assertFalse(alternative.tokenIndex() == java.chosen().tokenIndex());
        }
    }

    @Test
    void boxAndPreviousMaskRefine() {
        Prediction first = predictor.predict(embedding,
                new Prompt(List.of(), Optional.of(new Box(240, 150, 520, 350)), Optional.empty()));
        assertTrue(first.chosen().mask().iou(object) >= 0.85, "box IoU " + first.chosen().mask().iou(object));
        Prompt refined = Prompt.ofPoints(List.of(PromptPoint.foreground(380, 250), PromptPoint.background(100, 100)))
                .withPreviousMask(first.chosen().lowRes());
        assertTrue(predictor.predict(embedding, refined).chosen().mask().iou(object) >= 0.85);
    }

    @Test
    void embeddingSurvivesACacheRoundTrip() {
        try (ImageEmbedding restored = ImageEmbedding.fromData(embedding.toData())) {
            Prompt prompt = Prompt.ofPoints(List.of(PromptPoint.foreground(380, 250)));
            assertEquals(predictor.predict(embedding, prompt).chosen().mask(), predictor.predict(restored, prompt).chosen().mask());
        }
    }

    @Test
    void predictWithoutAnImageIsAClearError() {
        try (SamPredictor fresh = SamPredictor.load(TestModels.defaultModel())) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> fresh.predict(Prompt.ofPoints(List.of(PromptPoint.foreground(1, 1)))));
            assertTrue(e.getMessage().contains("setImage"));
        }
    }
}
