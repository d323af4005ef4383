package org.samannotator.core.refine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.samannotator.core.eval.EvaluationDataset;
import org.samannotator.core.eval.GrabCutData;
import org.samannotator.core.image.ImageLoader;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.mask.ConnectedComponents;
import org.samannotator.core.mask.Connectivity;
import org.samannotator.core.prompt.Prompt;
import org.samannotator.core.prompt.PromptPoint;
import org.samannotator.core.sam.ImageEmbedding;
import org.samannotator.core.sam.MaskCandidate;
import org.samannotator.core.sam.SamPredictor;

/** Every lever on the real model, on GrabCut-50's "memorial" (a statue; its first click is ambiguous). */
class ClickPredictorIT {
    private static final ClickLevers ALL_ON = new ClickLevers(CandidateRule.BOUNDARY, true, true, 1.0, true);
    private static SamPredictor predictor;
    private static ImageEmbedding embedding;
    private static RgbImage image;

    @BeforeAll
    static void encode() throws IOException {
        predictor = SamPredictor.load(org.samannotator.core.model.TestModels.defaultModel());
        EvaluationDataset.Sample sample = EvaluationDataset.list(GrabCutData.folder()).stream()
                .filter(s -> s.name().equals("memorial")).findFirst().orElseThrow();
        image = ImageLoader.load(sample.image());
        embedding = predictor.encode(image);
    }

    @AfterAll
    static void close() {
        embedding.close();
        predictor.close();
    }

    @Test
    void everyLeverGivesAClickConsistentMaskAndTheModelsCandidates() {
        ClickPredictor clicks = new ClickPredictor(predictor);
        List<PromptPoint> points = List.of(PromptPoint.foreground(206, 298), PromptPoint.background(337, 110),
                PromptPoint.foreground(114, 249));
        ClickResult first = clicks.predict(embedding, Prompt.ofPoints(points.subList(0, 1)), image, ALL_ON);
        assertEquals(2, first.decoderCalls(), "the refinement pass is a second decoder run");
        assertEquals(3, first.candidates().size(), "Tab still cycles the three multimask candidates");
        assertEquals(3, first.candidates().stream().mapToInt(MaskCandidate::tokenIndex).distinct().count());
        assertEquals(first.shown(), first.candidates().get(0));

        Prompt prompt = Prompt.ofPoints(points).withPreviousMask(first.shown().lowRes());
        ClickResult third = clicks.predict(embedding, prompt, image, ALL_ON);
        BitMask mask = third.shown().mask();
        assertTrue(mask.get(206, 298) && mask.get(114, 249), "positive clicks are inside");
        assertFalse(mask.get(337, 110), "the negative click is outside");
        ConnectedComponents parts = ConnectedComponents.find(mask, true, Connectivity.EIGHT);
        for (int c = 0; c < parts.count(); c++) {
            int component = c;
            assertTrue(points.stream().anyMatch(p -> p.label() == org.samannotator.core.prompt.PointLabel.FOREGROUND
                    && parts.componentAt((int) p.position().x(), (int) p.position().y()) == component),
                    "every component holds a positive click");
        }
    }

    @Test
    void theRefinementPassChangesTheLogitsFedBack() {
        ClickPredictor clicks = new ClickPredictor(predictor);
        Prompt prompt = Prompt.ofPoints(List.of(PromptPoint.foreground(206, 298)));
        ClickResult plain = clicks.predict(embedding, prompt, image, ClickLevers.plain());
        ClickLevers refineOnly = new ClickLevers(CandidateRule.MODEL_IOU, false, false, 1.0, true);
        ClickResult refined = clicks.predict(embedding, prompt, image, refineOnly);
        assertEquals(plain.shown().tokenIndex(), refined.shown().tokenIndex(), "the refinement keeps the token");
        assertNotEquals(plain.shown().lowRes(), refined.shown().lowRes());
    }

    @Test
    void theBoundaryRuleWithoutPixelsIsAClearError() {
        ClickPredictor clicks = new ClickPredictor(predictor);
        Prompt prompt = Prompt.ofPoints(List.of(PromptPoint.foreground(206, 298)));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> clicks.predict(embedding, prompt, null, ALL_ON));
        assertTrue(error.getMessage().contains("pixels"));
    }
}
