package org.samannotator.core.sam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.samannotator.core.geometry.Box;
import org.samannotator.core.geometry.SamTransform;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.prompt.LowResMask;
import org.samannotator.core.prompt.Prompt;
import org.samannotator.core.prompt.PromptPoint;

class DecoderInputsTest {
    private final Size original = new Size(640, 480);
    private final SamTransform transform = SamTransform.forImage(original);

    @Test
    void pointsWithoutBoxGetAPaddingPoint() {
        Prompt prompt = Prompt.ofPoints(List.of(PromptPoint.foreground(320, 240), PromptPoint.background(10, 470)));
        DecoderInputs in = DecoderInputs.build(prompt, transform, original);
        assertEquals(3, in.pointCount());
        assertArrayEquals(new float[] {512, 384, 16, 752, 0, 0}, in.pointCoords(), 1e-4f);
        assertArrayEquals(new float[] {1, 0, -1}, in.pointLabels());
        assertEquals(0f, in.hasMaskInput());
        assertArrayEquals(new float[] {480, 640}, in.origImSize(), "orig_im_size is (height, width)");
    }

    @Test
    void boxBecomesTwoCornerPointsWithoutPadding() {
        Prompt prompt = new Prompt(List.of(PromptPoint.foreground(100, 100)),
                Optional.of(new Box(50, 40, 200, 300)), Optional.empty());
        DecoderInputs in = DecoderInputs.build(prompt, transform, original);
        assertEquals(3, in.pointCount());
        assertArrayEquals(new float[] {160, 160, 80, 64, 320, 480}, in.pointCoords(), 1e-4f);
        assertArrayEquals(new float[] {1, 2, 3}, in.pointLabels());
    }

    @Test
    void previousMaskIsPassedWithFlag() {
        float[] logits = new float[256 * 256];
        logits[5] = 3.5f;
        Prompt prompt = Prompt.ofPoints(List.of(PromptPoint.foreground(1, 1))).withPreviousMask(new LowResMask(logits));
        DecoderInputs in = DecoderInputs.build(prompt, transform, new Size(256, 256));
        assertEquals(1f, in.hasMaskInput());
        assertEquals(3.5f, in.maskInput()[5]);
        assertArrayEquals(new float[] {256, 256}, in.origImSize());
    }

    @Test
    void portraitImageScalesByHeight() {
        SamTransform portrait = SamTransform.forImage(new Size(300, 600));
        DecoderInputs in = DecoderInputs.build(Prompt.ofPoints(List.of(PromptPoint.foreground(150, 600))),
                portrait, portrait.original());
        assertArrayEquals(new float[] {256, 1024, 0, 0}, in.pointCoords(), 1e-4f);
    }

    @Test
    void chosenTokenFollowsTheExportsReweighting() {
        float[] ious = {0.99f, 0.5f, 0.8f, 0.7f};
        assertEquals(2, SamPredictor.chosenToken(ious, 2), "one click + padding: best of tokens 1-3");
        assertEquals(0, SamPredictor.chosenToken(ious, 3), "several points: token 0");
    }
}
