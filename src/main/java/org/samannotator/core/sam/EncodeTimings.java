package org.samannotator.core.sam;

/** Wall times of one image encode: our preprocessing (resize, normalise, pad) and the encoder session run. */
public record EncodeTimings(double preprocessMillis, double encoderMillis) {
}
