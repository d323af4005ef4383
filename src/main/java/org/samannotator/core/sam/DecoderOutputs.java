package org.samannotator.core.sam;

import java.util.Optional;

/**
 * What one decoder run returned, copied out of the native tensors.
 *
 * @param chosenLowRes  float32 [256*256] low-res logits of the model's chosen token (row-major, model frame / 4)
 * @param chosenIou     the model's predicted IoU of that token
 * @param modelMasks    the decoder's {@code masks} output, float32 logits [height*width] at the requested
 *                      orig_im_size, when it was requested
 * @param allTokenLowRes float32 [4*256*256] low-res logits of all four tokens, if the decoder exposes them
 * @param allTokenIous  float32 [4] predicted IoUs of all four tokens, if exposed
 * @param runMillis     wall time of the ONNX Runtime session run alone
 */
record DecoderOutputs(float[] chosenLowRes, float chosenIou, Optional<float[]> modelMasks,
        Optional<float[]> allTokenLowRes, Optional<float[]> allTokenIous, double runMillis) {
}
