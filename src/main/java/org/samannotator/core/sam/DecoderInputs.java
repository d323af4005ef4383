package org.samannotator.core.sam;

import java.util.ArrayList;
import java.util.List;
import org.samannotator.core.geometry.Box;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.geometry.SamTransform;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.prompt.LowResMask;
import org.samannotator.core.prompt.Prompt;
import org.samannotator.core.prompt.PromptPoint;

/**
 * The decoder's prompt inputs as plain arrays, built by one pure function ({@link #build}) from a prompt in
 * original pixel coordinates, exactly as segment-anything's ONNX example does:
 * <ul>
 *   <li>{@code pointCoords}: float32 [1, N, 2], (x, y) pairs in the 1024 model frame;</li>
 *   <li>{@code pointLabels}: float32 [1, N]: 1 foreground, 0 background, 2/3 box corners, -1 padding point
 *       (appended at (0, 0) when there is no box);</li>
 *   <li>{@code maskInput}: float32 [1, 1, 256, 256] previous low-res logits or zeros, with
 *       {@code hasMaskInput} 1 or 0;</li>
 *   <li>{@code origImSize}: float32 [2] = (height, width) of the size the decoder should upscale its masks to.</li>
 * </ul>
 */
public record DecoderInputs(float[] pointCoords, float[] pointLabels, int pointCount, float[] maskInput,
        float hasMaskInput, float[] origImSize) {

    private static final int BOX_TOP_LEFT_LABEL = 2;
    private static final int BOX_BOTTOM_RIGHT_LABEL = 3;
    private static final int PADDING_LABEL = -1;

    /**
     * @param prompt    points and box in original image pixels, optional previous low-res mask
     * @param transform the image's SAM transform (original size to 1024 frame)
     * @param outputSize the (width, height) the decoder's {@code masks} output should have; normally the
     *                  original size, or a smaller one when we upsample the low-res masks ourselves
     */
    public static DecoderInputs build(Prompt prompt, SamTransform transform, Size outputSize) {
        List<ImagePoint> coords = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (PromptPoint p : prompt.points()) {
            coords.add(transform.toModel(p.position()));
            labels.add(p.label().samCode());
        }
        if (prompt.box().isPresent()) {
            Box box = transform.toModel(prompt.box().get());
            coords.add(box.topLeft());
            labels.add(BOX_TOP_LEFT_LABEL);
            coords.add(box.bottomRight());
            labels.add(BOX_BOTTOM_RIGHT_LABEL);
        } else {
            coords.add(new ImagePoint(0, 0));
            labels.add(PADDING_LABEL);
        }
        float[] pointCoords = new float[coords.size() * 2];
        float[] pointLabels = new float[coords.size()];
        for (int i = 0; i < coords.size(); i++) {
            pointCoords[2 * i] = (float) coords.get(i).x();
            pointCoords[2 * i + 1] = (float) coords.get(i).y();
            pointLabels[i] = labels.get(i);
        }
        float[] maskInput = prompt.previousMask().map(LowResMask::logits).map(float[]::clone)
                .orElseGet(() -> new float[LowResMask.SIZE * LowResMask.SIZE]);
        float hasMask = prompt.previousMask().isPresent() ? 1f : 0f;
        float[] origImSize = {outputSize.height(), outputSize.width()};
        return new DecoderInputs(pointCoords, pointLabels, coords.size(), maskInput, hasMask, origImSize);
    }
}
