package org.samannotator.core.auto;

/**
 * What one generation cost.
 *
 * @param prompts        grid prompts over all crops
 * @param decoderCalls   prompts actually decoded (fewer than {@code prompts} in adaptive mode)
 * @param decoderMillis  wall time inside {@link PointDecoder#decode}
 * @param encoderMillis  wall time opening crop decoders (crop encodes; 0 for the whole image's embedding)
 * @param totalMillis    wall time of the whole generation
 * @param proposals      masks after the per-point filters, before NMS
 */
public record AmgStats(int prompts, int decoderCalls, double decoderMillis, double encoderMillis, double totalMillis,
        int proposals) {
    /** Share of the total spent outside the decoder and the crop encoder. */
    public double outsideDecoderShare() {
        return totalMillis <= 0 ? 0 : (totalMillis - decoderMillis - encoderMillis) / totalMillis;
    }
}
