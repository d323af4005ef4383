package org.samannotator.core.sam;

import java.util.ArrayList;
import java.util.List;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.geometry.SamTransform;

/**
 * Runs many single-point prompts (no mask input) through the decoder for the automatic mask generator,
 * returning the multimask output (tokens 1-3) of each. Prompts go through the decoder {@code batch} at a
 * time as one tensor [batch, 2, 2] when the decoder graph accepts a batch; the first time a batched run is
 * refused, it falls back to one run per prompt for the rest of its life.
 */
final class PointBatchDecoder {
    private static final int ALL_TOKENS = 4;

    private final DecoderRunner runner;
    private final boolean allTokens;
    private volatile boolean batchingRefused;
    private volatile String refusal = "";

    PointBatchDecoder(DecoderRunner runner, boolean allTokens) {
        this.runner = runner;
        this.allTokens = allTokens;
    }

    boolean batchingRefused() {
        return batchingRefused;
    }

    /** The decoder's error message when it refused a batch, else empty. */
    String refusal() {
        return refusal;
    }

    /** One output per point, in order; {@code points} are in original pixels of the embedding's image. */
    List<MultimaskOutput> decode(ImageEmbedding embedding, List<ImagePoint> points, int batch) {
        SamTransform transform = embedding.transform();
        List<MultimaskOutput> out = new ArrayList<>(points.size());
        int from = 0;
        while (from < points.size()) {
            int step = batchingRefused ? 1 : Math.max(1, batch);
            List<ImagePoint> chunk = points.subList(from, Math.min(points.size(), from + step));
            from += chunk.size();
            if (chunk.size() > 1) {
                try {
                    out.addAll(runChunk(embedding, transform, chunk));
                    continue;
                } catch (SamModelException e) {
                    refusal = e.getMessage();
                    batchingRefused = true;
                }
            }
            for (ImagePoint p : chunk) {
                out.addAll(runChunk(embedding, transform, List.of(p)));
            }
        }
        return out;
    }

    private List<MultimaskOutput> runChunk(ImageEmbedding embedding, SamTransform transform, List<ImagePoint> chunk) {
        float[] coords = new float[chunk.size() * 4];
        for (int i = 0; i < chunk.size(); i++) {
            ImagePoint model = transform.toModel(chunk.get(i));
            coords[4 * i] = (float) model.x();
            coords[4 * i + 1] = (float) model.y();
        }
        DecoderRunner.BatchOutputs run = runner.runPointBatch(embedding.tensor(), coords, chunk.size(), allTokens);
        int perPrompt = run.ious().length / chunk.size();
        if (run.ious().length != chunk.size() * perPrompt
                || run.lowRes().length != run.ious().length * MultimaskOutput.PLANE) {
            throw new SamModelException("decoder returned " + run.ious().length + " IoUs for " + chunk.size() + " prompts");
        }
        List<MultimaskOutput> result = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            result.add(allTokens && perPrompt == ALL_TOKENS ? multimask(run, i) : single(run, i, perPrompt));
        }
        return result;
    }

    /** Tokens 1-3 of prompt {@code i}, as SAM's multimask output. */
    private static MultimaskOutput multimask(DecoderRunner.BatchOutputs run, int i) {
        int plane = MultimaskOutput.PLANE;
        float[] logits = new float[3 * plane];
        System.arraycopy(run.lowRes(), (i * ALL_TOKENS + 1) * plane, logits, 0, 3 * plane);
        float[] ious = {run.ious()[i * ALL_TOKENS + 1], run.ious()[i * ALL_TOKENS + 2], run.ious()[i * ALL_TOKENS + 3]};
        return new MultimaskOutput(logits, ious, new int[] {1, 2, 3});
    }

    /** The decoder's single chosen mask of prompt {@code i} (decoders that do not expose all tokens). */
    private static MultimaskOutput single(DecoderRunner.BatchOutputs run, int i, int perPrompt) {
        int plane = MultimaskOutput.PLANE;
        float[] logits = new float[plane];
        System.arraycopy(run.lowRes(), i * perPrompt * plane, logits, 0, plane);
        return new MultimaskOutput(logits, new float[] {run.ious()[i * perPrompt]}, new int[] {-1});
    }
}
