package org.samannotator.core.sam;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.samannotator.core.embedding.EmbeddingData;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.geometry.SamTransform;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.image.SamPreprocessor;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.model.EncoderConventions;
import org.samannotator.core.model.InstalledModel;
import org.samannotator.core.prompt.LowResMask;
import org.samannotator.core.prompt.Prompt;

/**
 * segment-anything's {@code SamPredictor} for ONNX models: {@link #setImage} runs the heavy encoder once
 * and {@link #predict} turns prompts into masks in tens of milliseconds, reusing that embedding.
 *
 * <p>Prompts are in original image pixel coordinates; masks come back at original size. The ONNX sessions
 * may be used from several threads (e.g. pre-encoding while decoding); the "current" embedding is a
 * convenience for single-threaded callers. Embeddings returned by {@link #setImage} belong to the caller.
 */
public final class SamPredictor implements AutoCloseable {
    private static final Size LOW_RES_SIZE = new Size(LowResMask.SIZE, LowResMask.SIZE);

    private final InstalledModel model;
    private final SamSessions sessions;
    private final DecoderRunner decoder;
    private final SamPreprocessor preprocessor;
    private final PointBatchDecoder pointBatches;
    private volatile DecoderUpscaling upscaling = DecoderUpscaling.IN_JAVA;
    private volatile ImageEmbedding current;
    private volatile EncodeTimings lastEncodeTimings = new EncodeTimings(0, 0);

    private SamPredictor(InstalledModel model, SamSessions sessions) {
        this.model = model;
        this.sessions = sessions;
        this.decoder = new DecoderRunner(sessions);
        this.preprocessor = SamPreprocessor.fromConventions(model.entry().input());
        this.pointBatches = new PointBatchDecoder(decoder, !sessions.allTokenOutputs.isEmpty());
    }

    /** Opens the encoder and decoder sessions of an installed (verified) model. */
    public static SamPredictor load(InstalledModel model) {
        return new SamPredictor(model, SamSessions.open(model));
    }

    /**
     * Like {@link #load(InstalledModel)} with {@code intraOpThreads} ONNX Runtime threads per session run
     * (the default is one per processor). Batch jobs that run one image per core set 1.
     */
    public static SamPredictor load(InstalledModel model, int intraOpThreads) {
        return new SamPredictor(model, SamSessions.open(model, intraOpThreads));
    }

    public String modelId() {
        return model.id();
    }

    /** True when predictions can carry the alternative masks of the other tokens. */
    public boolean exposesAllMaskTokens() {
        return !sessions.allTokenOutputs.isEmpty();
    }

    public void setUpscaling(DecoderUpscaling upscaling) {
        this.upscaling = upscaling;
    }

    public DecoderUpscaling upscaling() {
        return upscaling;
    }

    /** Runs the encoder on the image and makes the result current. The caller owns (closes) it. */
    public ImageEmbedding setImage(RgbImage image) {
        return setImage(image, image.size());
    }

    /** {@link #encode(RgbImage, Size)} and makes the result current. The caller owns (closes) it. */
    public ImageEmbedding setImage(RgbImage copy, Size originalSize) {
        ImageEmbedding embedding = encode(copy, originalSize);
        current = embedding;
        return embedding;
    }

    /** Makes an embedding (e.g. restored from the cache with {@link ImageEmbedding#fromData}) current. */
    public void setEmbedding(ImageEmbedding embedding) {
        current = embedding;
    }

    /** Runs the encoder without changing the current embedding (for pre-encoding in the background). */
    public ImageEmbedding encode(RgbImage image) {
        return encode(image, image.size());
    }

    /**
     * Runs the encoder on a reduced copy (e.g. {@code ImageLoader.readReduced(file, 2048)}) of an image whose
     * full display size is {@code originalSize} (width, height); the embedding belongs to the full-size
     * image, so prompts and masks are in original pixels. Huge images never need to be held at full size.
     */
    public ImageEmbedding encode(RgbImage copy, Size originalSize) {
        EncoderConventions conventions = model.entry().input();
        long start = System.nanoTime();
        float[] pixels = preprocessor.preprocess(copy, originalSize);
        long preprocessed = System.nanoTime();
        long[] shape = {1, 3, conventions.size(), conventions.size()};
        try (OnnxTensor input = OnnxTensor.createTensor(sessions.environment, FloatBuffer.wrap(pixels), shape);
             OrtSession.Result result = sessions.encoder.run(Map.of(sessions.encoderInputName, input))) {
            OnnxValue output = result.get(sessions.encoderOutputName)
                    .orElseThrow(() -> new SamModelException("encoder has no output " + sessions.encoderOutputName));
            FloatBuffer values = ((OnnxTensor) output).getFloatBuffer();
            if (values.remaining() != EmbeddingData.VALUE_COUNT) {
                throw new SamModelException("encoder output has " + values.remaining()
                        + " values; a SAM embedding [1,256,64,64] has " + EmbeddingData.VALUE_COUNT);
            }
            float[] embedding = new float[values.remaining()];
            values.get(embedding);
            lastEncodeTimings = new EncodeTimings((preprocessed - start) / 1e6, (System.nanoTime() - preprocessed) / 1e6);
            return ImageEmbedding.fromData(new EmbeddingData(model.id(), originalSize, embedding));
        } catch (OrtException e) {
            throw new SamModelException("encoder run failed: " + e.getMessage(), e);
        }
    }

    public EncodeTimings lastEncodeTimings() {
        return lastEncodeTimings;
    }

    /** Predicts with the current embedding; alternatives only for an ambiguous (single point) prompt. */
    public Prediction predict(Prompt prompt) {
        ImageEmbedding embedding = current;
        if (embedding == null || embedding.isClosed()) {
            throw new IllegalStateException("no image set: call setImage (or setEmbedding) before predict");
        }
        return predict(embedding, prompt, AlternativeMasks.WHEN_AMBIGUOUS);
    }

    public Prediction predict(ImageEmbedding embedding, Prompt prompt) {
        return predict(embedding, prompt, AlternativeMasks.WHEN_AMBIGUOUS);
    }

    /** Runs the decoder once for the prompt on the given embedding. */
    public Prediction predict(ImageEmbedding embedding, Prompt prompt, AlternativeMasks alternatives) {
        SamTransform transform = embedding.transform();
        boolean inModel = upscaling == DecoderUpscaling.IN_MODEL;
        boolean wantAll = alternatives.appliesTo(prompt) && exposesAllMaskTokens();
        DecoderInputs inputs = DecoderInputs.build(prompt, transform, inModel ? transform.original() : LOW_RES_SIZE);
        long start = System.nanoTime();
        DecoderOutputs out = decoder.run(embedding.tensor(), inputs, inModel, wantAll);
        int chosenToken = out.allTokenIous().map(ious -> chosenToken(ious, inputs.pointCount())).orElse(-1);
        LowResMask chosenLowRes = new LowResMask(out.chosenLowRes());
        MaskCandidate chosen = inModel
                ? new MaskCandidate(BitMask.fromThreshold(transform.original(), out.modelMasks().orElseThrow(), 0f),
                        out.chosenIou(), chosenLowRes, chosenToken)
                : MaskCandidate.ofLogits(chosenLowRes, transform, out.chosenIou(), chosenToken);
        List<MaskCandidate> others = wantAll ? alternativesOf(out, chosenToken, transform) : List.of();
        double totalMillis = (System.nanoTime() - start) / 1e6;
        return new Prediction(chosen, others, out.runMillis(), totalMillis - out.runMillis());
    }

    /**
     * The automatic mask generator's decoder entry: for each single-point prompt (original pixels of the
     * embedding's image, foreground, no mask input) the low-res logits and IoUs of mask tokens 1-3 (one mask
     * when the decoder does not expose all tokens). Runs {@code batch} prompts per decoder run when the graph
     * accepts a batch, else one run per prompt (see {@link #pointBatchingRefused()}).
     */
    public List<MultimaskOutput> decodePoints(ImageEmbedding embedding, List<ImagePoint> points, int batch) {
        return pointBatches.decode(embedding, points, batch);
    }

    /** True once the decoder refused a batch of prompts in {@link #decodePoints} (then it runs one by one). */
    public boolean pointBatchingRefused() {
        return pointBatches.batchingRefused();
    }

    /** Why the decoder refused a batch of prompts (its error message), or empty. */
    public String pointBatchingRefusal() {
        return pointBatches.refusal();
    }

    /** The export's select_masks: argmax of iou + (numPoints - 2.5) * [1000, 0, 0, 0]. */
    static int chosenToken(float[] ious, int pointCount) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < ious.length; i++) {
            double score = ious[i] + (i == 0 ? (pointCount - 2.5) * 1000 : 0);
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return best;
    }

    private static List<MaskCandidate> alternativesOf(DecoderOutputs out, int chosenToken, SamTransform transform) {
        float[] all = out.allTokenLowRes().orElseThrow();
        float[] ious = out.allTokenIous().orElseThrow();
        int plane = LowResMask.SIZE * LowResMask.SIZE;
        List<MaskCandidate> result = new ArrayList<>();
        for (int token = 1; token < ious.length; token++) {
            if (token == chosenToken) {
                continue;
            }
            float[] logits = new float[plane];
            System.arraycopy(all, token * plane, logits, 0, plane);
            LowResMask lowRes = new LowResMask(logits);
            result.add(MaskCandidate.ofLogits(lowRes, transform, ious[token], token));
        }
        return result;
    }

    @Override
    public void close() {
        sessions.close();
    }
}
