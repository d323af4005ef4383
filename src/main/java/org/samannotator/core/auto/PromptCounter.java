package org.samannotator.core.auto;

import java.util.List;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.sam.MultimaskOutput;

/** Counts prompts done and decoded, times the decoder, and reports progress of one generation. */
final class PromptCounter {
    private final AmgProgress progress;
    private final int total;
    private int done;
    private int decoded;
    private int proposals;
    private long decoderNanos;

    PromptCounter(AmgProgress progress, int total) {
        this.progress = progress;
        this.total = total;
    }

    List<MultimaskOutput> decode(PointDecoder decoder, List<ImagePoint> prompts) {
        long start = System.nanoTime();
        List<MultimaskOutput> out = decoder.decode(prompts);
        decoderNanos += System.nanoTime() - start;
        decoded += prompts.size();
        if (out.size() != prompts.size()) {
            throw new IllegalStateException("decoder returned " + out.size() + " outputs for " + prompts.size() + " prompts");
        }
        return out;
    }

    void done(int prompts) {
        done += prompts;
        progress.onProgress(done, total);
    }

    void proposals(int count) {
        proposals += count;
    }

    int decoded() {
        return decoded;
    }

    int proposals() {
        return proposals;
    }

    double decoderMillis() {
        return decoderNanos / 1e6;
    }
}
