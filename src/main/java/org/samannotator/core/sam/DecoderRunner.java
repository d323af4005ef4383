package org.samannotator.core.sam;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.LinkedHashSet;
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
            Map<String, OnnxTensor> feeds = new HashMap<>();
            feeds.put("image_embeddings", embedding);
            feeds.put("point_coords", coords);
            feeds.put("point_labels", labels);
            feeds.put("mask_input", maskInput);
            feeds.put("has_mask_input", hasMask);
            feeds.put("orig_im_size", origSize);
            long start = System.nanoTime();
            try (OrtSession.Result result = sessions.decoder.run(feeds, outputs)) {
                double runMillis = (System.nanoTime() - start) / 1e6;
                return readOutputs(result, wantModelMasks, wantAllTokens, runMillis);
            }
        } catch (OrtException e) {
            throw new SamModelException("decoder run failed: " + e.getMessage(), e);
        }
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
}
