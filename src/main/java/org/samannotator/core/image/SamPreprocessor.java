package org.samannotator.core.image;

import java.util.Arrays;
import java.util.Locale;
import org.samannotator.core.geometry.SamTransform;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.model.EncoderConventions;

/**
 * SAM image preprocessing as a pure function of the image and the encoder's conventions:
 * <ol>
 *   <li>alpha is composited on black ({@code c * a / 255}, rounded), so transparent pixels become black;</li>
 *   <li>the image is resized so it fills {@link SamTransform#resized()} exactly (longest side = target
 *       length), with area averaging when shrinking and half-pixel-centre bilinear when enlarging, and
 *       rounded to 8 bits (segment-anything also resizes in uint8);</li>
 *   <li>each channel is normalised as {@code (value - mean[c]) / std[c]} (mean/std in 0-255 units, RGB);</li>
 *   <li>the result is zero-padded at the bottom and right to {@code targetLength x targetLength}; the
 *       padding is exactly 0 after normalisation, as in segment-anything.</li>
 * </ol>
 * The tensor is a float[] of shape [1, 3, targetLength, targetLength] (NCHW, channel order R, G, B,
 * row-major: index = c * T * T + y * T + x). Instances are immutable and thread-safe.
 */
public final class SamPreprocessor {
    private static final float[] SAM_MEAN = {123.675f, 116.28f, 103.53f};
    private static final float[] SAM_STD = {58.395f, 57.12f, 57.375f};

    private final int targetLength;
    private final float[][] normalisedByValue;

    /**
     * @param targetLength side of the square model input (1024 for SAM)
     * @param mean per-channel mean (R, G, B) in 0-255 units
     * @param std per-channel standard deviation (R, G, B) in 0-255 units, positive
     */
    public SamPreprocessor(int targetLength, float[] mean, float[] std) {
        if (targetLength <= 0) {
            throw new IllegalArgumentException("targetLength must be positive, got " + targetLength);
        }
        if (mean.length != 3 || std.length != 3) {
            throw new IllegalArgumentException("mean and std need 3 values (R, G, B), got " + Arrays.toString(mean)
                    + " and " + Arrays.toString(std));
        }
        this.targetLength = targetLength;
        this.normalisedByValue = new float[3][256];
        for (int c = 0; c < 3; c++) {
            if (!(std[c] > 0)) {
                throw new IllegalArgumentException("std must be positive, got " + Arrays.toString(std));
            }
            for (int v = 0; v < 256; v++) {
                normalisedByValue[c][v] = (v - mean[c]) / std[c];
            }
        }
    }

    /** segment-anything's defaults: 1024, ImageNet mean/std in 0-255 units. */
    public static SamPreprocessor samDefaults() {
        return new SamPreprocessor(SamTransform.SAM_INPUT_SIZE, SAM_MEAN, SAM_STD);
    }

    /**
     * A preprocessor for a model's conventions. Only the layout "NCHW", channel order "RGB" and padding
     * "bottom-right-zero" exist today; anything else is rejected rather than silently misread.
     */
    public static SamPreprocessor fromConventions(EncoderConventions conventions) {
        requireValue("layout", conventions.layout(), "NCHW");
        requireValue("channelOrder", conventions.channelOrder(), "RGB");
        requireValue("padding", conventions.padding(), "bottom-right-zero");
        return new SamPreprocessor(conventions.size(), conventions.meanArray(), conventions.stdArray());
    }

    private static void requireValue(String field, String actual, String supported) {
        if (actual != null && !actual.toUpperCase(Locale.ROOT).equals(supported.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("unsupported encoder " + field + " '" + actual + "', only '"
                    + supported + "' is implemented");
        }
    }

    public int targetLength() {
        return targetLength;
    }

    /** The longest-side transform for an image of this size and this preprocessor's target length. */
    public SamTransform transformFor(Size original) {
        return new SamTransform(original, targetLength);
    }

    /** The shape of {@link #toTensor}'s result: {1, 3, targetLength, targetLength}. */
    public long[] tensorShape() {
        return new long[] {1, 3, targetLength, targetLength};
    }

    /** Steps 1-4: the model input tensor for an image in its display orientation. */
    public float[] preprocess(RgbImage image) {
        return toTensor(resizeToModel(image));
    }

    /**
     * Steps 1-4 for a reduced copy (e.g. {@link ImageLoader#readReduced}) of an image whose full display
     * size is {@code originalSize}: the copy is resized to {@code transformFor(originalSize).resized()}, so
     * the model frame matches the original image's frame (prompts and masks stay in original pixels).
     */
    public float[] preprocess(RgbImage copy, Size originalSize) {
        return toTensor(resizeTo(copy, transformFor(originalSize).resized()));
    }

    /**
     * Steps 1-2: the opaque (alpha 255) image composited on black and resized to
     * {@code transformFor(image.size()).resized()}, e.g. 1024x768 for 640x480.
     */
    public RgbImage resizeToModel(RgbImage image) {
        return resizeTo(image, transformFor(image.size()).resized());
    }

    private static RgbImage resizeTo(RgbImage image, Size resized) {
        int[] opaque = compositeOnBlack(image.argb());
        int[] pixels = SeparableResizer.resize(opaque, image.width(), image.height(), resized.width(),
                resized.height());
        return new RgbImage(resized, pixels);
    }

    /**
     * Steps 3-4: normalises an image that fits in the target square (typically {@link #resizeToModel}'s
     * result; its alpha is ignored) and pads it with zeros at the bottom/right.
     *
     * @return float[3 * T * T], shape [1, 3, T, T], NCHW, RGB
     */
    public float[] toTensor(RgbImage resized) {
        int width = resized.width();
        int height = resized.height();
        if (width > targetLength || height > targetLength) {
            throw new IllegalArgumentException("image " + resized.size() + " does not fit the " + targetLength
                    + "x" + targetLength + " model input; resize it first");
        }
        int plane = targetLength * targetLength;
        float[] tensor = new float[3 * plane];
        float[] red = normalisedByValue[0];
        float[] green = normalisedByValue[1];
        float[] blue = normalisedByValue[2];
        int[] argb = resized.argb();
        for (int y = 0; y < height; y++) {
            int source = y * width;
            int target = y * targetLength;
            for (int x = 0; x < width; x++) {
                int p = argb[source + x];
                tensor[target + x] = red[(p >> 16) & 0xFF];
                tensor[plane + target + x] = green[(p >> 8) & 0xFF];
                tensor[2 * plane + target + x] = blue[p & 0xFF];
            }
        }
        return tensor;
    }

    /** Returns the same array if every pixel is opaque, otherwise a copy with colour * alpha / 255. */
    static int[] compositeOnBlack(int[] argb) {
        int firstTranslucent = 0;
        while (firstTranslucent < argb.length && (argb[firstTranslucent] >>> 24) == 0xFF) {
            firstTranslucent++;
        }
        if (firstTranslucent == argb.length) {
            return argb;
        }
        int[] out = argb.clone();
        for (int i = firstTranslucent; i < out.length; i++) {
            int a = out[i] >>> 24;
            if (a != 0xFF) {
                out[i] = 0xFF000000 | (premultiply((out[i] >> 16) & 0xFF, a) << 16)
                        | (premultiply((out[i] >> 8) & 0xFF, a) << 8) | premultiply(out[i] & 0xFF, a);
            }
        }
        return out;
    }

    private static int premultiply(int channel, int alpha) {
        return (channel * alpha + 127) / 255;
    }
}
