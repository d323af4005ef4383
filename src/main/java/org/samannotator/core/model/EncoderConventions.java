package org.samannotator.core.model;

import java.util.List;

/**
 * How the encoder wants its input: tensor names (outputName null = the first output), the square input
 * size, per-channel mean/std in 0-255 RGB units, the layout (NCHW), channel order and padding.
 */
public record EncoderConventions(String inputName, String outputName, int size, List<Double> mean,
        List<Double> std, String layout, String channelOrder, String padding) {

    public float[] meanArray() {
        return toFloats(mean);
    }

    public float[] stdArray() {
        return toFloats(std);
    }

    private static float[] toFloats(List<Double> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).floatValue();
        }
        return out;
    }
}
