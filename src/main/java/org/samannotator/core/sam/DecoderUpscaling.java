package org.samannotator.core.sam;

/**
 * Who turns the decoder's 256x256 low-res logits into the original-size mask.
 * <ul>
 *   <li>{@link #IN_MODEL}: the decoder graph resizes to {@code orig_im_size} and we threshold its
 *       {@code masks} output (the export's own path; its float output is width x height x 4 bytes).</li>
 *   <li>{@link #IN_JAVA}: the decoder is asked for a tiny {@code orig_im_size} and {@link MaskUpscaler}
 *       reproduces the same two bilinear resizes in Java, straight into a bit mask.</li>
 * </ul>
 * BENCHMARKS.md compares them; the default is the faster one.
 */
public enum DecoderUpscaling {
    IN_MODEL, IN_JAVA
}
