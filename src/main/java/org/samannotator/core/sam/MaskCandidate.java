package org.samannotator.core.sam;

import org.samannotator.core.mask.BitMask;
import org.samannotator.core.prompt.LowResMask;

/**
 * One mask the decoder proposes: the binary mask at original image size, the model's predicted IoU, its
 * low-res logits (feed back as the next prompt's previous mask) and the decoder's mask token index (0-3).
 */
public record MaskCandidate(BitMask mask, float predictedIou, LowResMask lowRes, int tokenIndex) {
}
