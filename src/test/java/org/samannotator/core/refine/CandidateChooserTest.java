package org.samannotator.core.refine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.samannotator.core.geometry.SamTransform;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.prompt.LowResMask;
import org.samannotator.core.prompt.PromptPoint;
import org.samannotator.core.sam.MaskCandidate;
import org.samannotator.core.sam.MaskUpscaler;

/** A 256x256 image: the model frame is 1024, so one low-res cell is 1 pixel. */
class CandidateChooserTest {
    private static final Size SIZE = new Size(256, 256);
    private static final SamTransform TRANSFORM = SamTransform.forImage(SIZE);

    /** Logits +inside / -outside of the square [from, to)^2 in low-res cells. */
    private static LowResMask square(int from, int to, float inside, float outside) {
        float[] logits = new float[LowResMask.SIZE * LowResMask.SIZE];
        Arrays.fill(logits, outside);
        for (int y = from; y < to; y++) {
            for (int x = from; x < to; x++) {
                logits[y * LowResMask.SIZE + x] = inside;
            }
        }
        return new LowResMask(logits);
    }

    private static MaskCandidate candidate(LowResMask lowRes, float iou, int token) {
        return new MaskCandidate(MaskUpscaler.upscale(lowRes, TRANSFORM), iou, lowRes, token);
    }

    private static MaskCandidate pick(List<MaskCandidate> candidates, CandidateRule rule, RgbImage image) {
        return CandidateChooser.byRule(candidates, rule, TRANSFORM, () -> ImageGradient.of(image));
    }

    @Test
    void eachRuleScoresWhatItSays() {
        MaskCandidate small = candidate(square(100, 120, 8f, -8f), 0.95f, 1);   // confident: stable
        MaskCandidate middle = candidate(square(90, 130, 0.5f, -0.5f), 0.90f, 2); // soft logits: unstable
        MaskCandidate large = candidate(square(60, 160, 8f, -0.5f), 0.80f, 3);  // soft outside: unstable
        List<MaskCandidate> all = List.of(small, middle, large);
        RgbImage image = edgeImage(60, 160);
        assertEquals(1, pick(all, CandidateRule.MODEL_IOU, image).tokenIndex());
        assertEquals(1, pick(all, CandidateRule.STABILITY, image).tokenIndex());
        assertEquals(3, pick(all, CandidateRule.LARGEST, image).tokenIndex());
        assertEquals(3, pick(all, CandidateRule.BOUNDARY, image).tokenIndex(), "the image edge is the large square's");
        assertEquals(2, pick(all, CandidateRule.AGREEMENT, image).tokenIndex(), "the middle one overlaps both");
    }

    @Test
    void tiesGoToTheHigherPredictedIou() {
        MaskCandidate a = candidate(square(10, 20, 5f, -5f), 0.7f, 1);
        MaskCandidate b = candidate(square(30, 40, 5f, -5f), 0.9f, 2);
        assertEquals(2, pick(List.of(a, b), CandidateRule.LARGEST, edgeImage(0, 1)).tokenIndex());
    }

    @Test
    void clickConsistencyCountsPositivesInsideAndNegativesOutside() {
        MaskCandidate whole = candidate(square(50, 150, 5f, -5f), 0.99f, 0);
        MaskCandidate part = candidate(square(50, 100, 5f, -5f), 0.80f, 1);
        List<PromptPoint> clicks = List.of(PromptPoint.foreground(60, 60), PromptPoint.background(120, 120));
        assertEquals(1, CandidateChooser.consistentClicks(whole, clicks, TRANSFORM));
        assertEquals(2, CandidateChooser.consistentClicks(part, clicks, TRANSFORM));
        assertEquals(part, CandidateChooser.byClickConsistency(List.of(whole, part), whole, clicks, TRANSFORM));
        List<PromptPoint> bothInside = List.of(PromptPoint.foreground(60, 60));
        assertEquals(whole, CandidateChooser.byClickConsistency(List.of(whole, part), whole, bothInside, TRANSFORM));
        assertEquals(part, CandidateChooser.byClickConsistency(List.of(whole, part), part, bothInside, TRANSFORM),
                "a tie keeps the model's pick even with a lower predicted IoU");
    }

    @Test
    void figureGroundPassesOverACandidateReachingAllFourBorders() {
        MaskCandidate object = candidate(square(60, 160, 8f, -8f), 0.90f, 2);
        MaskCandidate scene = candidate(square(0, 256, 8f, -8f), 0.99f, 3);
        List<MaskCandidate> both = List.of(object, scene);
        RgbImage image = edgeImage(60, 160);
        assertEquals(3, pick(both, CandidateRule.IOU_STABILITY, image).tokenIndex(), "both stable: higher IoU");
        assertEquals(2, pick(both, CandidateRule.FIGURE_GROUND, image).tokenIndex());
        assertEquals(3, pick(List.of(scene), CandidateRule.FIGURE_GROUND, image).tokenIndex(), "unless all do");
    }

    @Test
    void rulesParseFromTheCommandLine() {
        assertEquals(CandidateRule.MODEL_IOU, CandidateRule.parse("model-iou"));
        assertEquals(CandidateRule.BOUNDARY, CandidateRule.parse(" Boundary "));
        assertThrows(IllegalArgumentException.class, () -> CandidateRule.parse("biggest"));
    }

    /** Dark image with a bright square [from, to)^2 (pixels = low-res cells here, times 4 in the model frame). */
    private static RgbImage edgeImage(int from, int to) {
        int[] argb = new int[(int) SIZE.area()];
        for (int y = 0; y < SIZE.height(); y++) {
            for (int x = 0; x < SIZE.width(); x++) {
                boolean in = x >= from && x < to && y >= from && y < to;
                argb[y * SIZE.width() + x] = in ? 0xFFFFFFFF : 0xFF000000;
            }
        }
        return new RgbImage(SIZE, argb);
    }
}
