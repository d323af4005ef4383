package org.samannotator.core.sam;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Runs the decoder session on {@link DecoderInputs}; every tensor and the result are closed here. */
final class DecoderRunner {
    private static final String MASKS = "masks";
    private static final String IOU = "iou_predictions";
    private static final String LOW_RES = "low_res_masks";

    private final SamSessions sessions;

    DecoderRunner(SamSessions sessions) {
        this.sessions = sessions;
    }

    DecoderOutputs run(OnnxTensor embedding, DecoderInputs in, boolean wantModelMasks, boolean wantAllTokens) {
        Set<String> outputs = new LinkedHashSet<>();
        outputs.add(IOU);
        outputs.add(LOW_RES);
        if (wantModelMasks) {
            outputs.add(MASKS);
        }
        if (wantAllTokens) {
            outputs.addAll(sessions.allTokenOutputs);
        }
        var env = sessions.environment;
        try (OnnxTensor coords = OnnxTensor.createTensor(env, FloatBuffer.wrap(in.pointCoords()), new long[] {1, in.pointCount(), 2});
             OnnxTensor labels = OnnxTensor.createTensor(env, FloatBuffer.wrap(in.pointLabels()), new long[] {1, in.pointCount()});
             OnnxTensor maskInput = OnnxTensor.createTensor(env, FloatBuffer.wrap(in.maskInput()), new long[] {1, 1, 256, 256});
             OnnxTensor hasMask = OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[] {in.hasMaskInput()}), new long[] {1});
             OnnxTensor origSize = OnnxTensor.createTensor(env, FloatBuffer.wrap(in.origImSize()), new long[] {2})) {
            Map<String, OnnxTensor> feeds = feeds(embedding, coords, labels, maskInput, hasMask, origSize);
            long start = System.nanoTime();
            try (OrtSession.Result result = sessions.decoder.run(feeds, outputs)) {
                double runMillis = (System.nanoTime() - start) / 1e6;
                return readOutputs(result, wantModelMasks, wantAllTokens, runMillis);
            }
        } catch (OrtException e) {
            throw new SamModelException("decoder run failed: " + e.getMessage(), e);
        }
    }

    /**
     * One run for a batch of single-point prompts, no mask input.
     *
     * @param pointCoords float32 [batch * 2 * 2]: per prompt the point (x, y) in the 1024 model frame and
     *                    the padding point (0, 0)
     * @param batch       number of prompts (the tensor's first dimension)
     * @return low-res logits [batch * k * 256 * 256] and IoUs [batch * k], k = 4 with all tokens, else 1
     */
    BatchOutputs runPointBatch(OnnxTensor embedding, float[] pointCoords, int batch, boolean wantAllTokens) {
        float[] labels = new float[batch * 2];
        for (int i = 0; i < batch; i++) {
            labels[2 * i] = 1f;
            labels[2 * i + 1] = -1f;
        }
        Set<String> outputs = new LinkedHashSet<>(List.of(IOU, LOW_RES));
        if (wantAllTokens) {
            outputs.addAll(sessions.allTokenOutputs);
        }
        var env = sessions.environment;
        try (OnnxTensor coords = OnnxTensor.createTensor(env, FloatBuffer.wrap(pointCoords), new long[] {batch, 2, 2});
             OnnxTensor labelTensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(labels), new long[] {batch, 2});
             OnnxTensor maskInput = OnnxTensor.createTensor(env, FloatBuffer.allocate(256 * 256), new long[] {1, 1, 256, 256});
             OnnxTensor hasMask = OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[] {0f}), new long[] {1});
             OnnxTensor origSize = OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[] {256f, 256f}), new long[] {2})) {
            Map<String, OnnxTensor> feeds = feeds(embedding, coords, labelTensor, maskInput, hasMask, origSize);
            long start = System.nanoTime();
            try (OrtSession.Result result = sessions.decoder.run(feeds, outputs)) {
                double runMillis = (System.nanoTime() - start) / 1e6;
                return wantAllTokens ? readAllTokens(result, runMillis)
                        : new BatchOutputs(floats(result.get(LOW_RES).orElseThrow()), floats(result.get(IOU).orElseThrow()), runMillis);
            }
        } catch (OrtException e) {
            throw new SamModelException("decoder run failed: " + e.getMessage(), e);
        }
    }

    private BatchOutputs readAllTokens(OrtSession.Result result, double runMillis) throws OrtException {
        float[] masks = null;
        float[] ious = null;
        for (String name : sessions.allTokenOutputs) {
            OnnxTensor tensor = (OnnxTensor) result.get(name).orElseThrow();
            if (tensor.getInfo().getShape().length == 4) {
                masks = floats(tensor);
            } else {
                ious = floats(tensor);
            }
        }
        return new BatchOutputs(masks, ious, runMillis);
    }

    /** Low-res logits [batch * k * 256 * 256] and IoUs [batch * k] of one batched run. */
    record BatchOutputs(float[] lowRes, float[] ious, double runMillis) {
    }

    private DecoderOutputs readOutputs(OrtSession.Result result, boolean wantModelMasks, boolean wantAllTokens,
            double runMillis) throws OrtException {
        float[] lowRes = floats(result.get(LOW_RES).orElseThrow());
        float iou = floats(result.get(IOU).orElseThrow())[0];
        Optional<float[]> modelMasks = wantModelMasks ? Optional.of(floats(result.get(MASKS).orElseThrow())) : Optional.empty();
        Optional<float[]> allMasks = Optional.empty();
        Optional<float[]> allIous = Optional.empty();
        if (wantAllTokens) {
            for (String name : sessions.allTokenOutputs) {
                OnnxTensor tensor = (OnnxTensor) result.get(name).orElseThrow();
                if (tensor.getInfo().getShape().length == 4) {
                    allMasks = Optional.of(floats(tensor));
                } else {
                    allIous = Optional.of(floats(tensor));
                }
            }
        }
        return new DecoderOutputs(lowRes, iou, modelMasks, allMasks, allIous, runMillis);
    }

    private static float[] floats(OnnxValue value) {
        FloatBuffer buffer = ((OnnxTensor) value).getFloatBuffer();
        float[] out = new float[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    /** The six inputs of a segment-anything ONNX decoder by their export names. */
    private static Map<String, OnnxTensor> feeds(OnnxTensor embedding, OnnxTensor coords, OnnxTensor labels,
            OnnxTensor maskInput, OnnxTensor hasMask, OnnxTensor origSize) {
        Map<String, OnnxTensor> feeds = new HashMap<>();
        feeds.put("image_embeddings", embedding);
        feeds.put("point_coords", coords);
        feeds.put("point_labels", labels);
        feeds.put("mask_input", maskInput);
        feeds.put("has_mask_input", hasMask);
        feeds.put("orig_im_size", origSize);
        return feeds;
    }
}
