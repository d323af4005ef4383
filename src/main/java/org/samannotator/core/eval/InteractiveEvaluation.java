package org.samannotator.core.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.samannotator.core.embedding.EmbeddingCache;
import org.samannotator.core.embedding.EmbeddingData;
import org.samannotator.core.image.ImageLoader;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.prompt.LowResMask;
import org.samannotator.core.prompt.Prompt;
import org.samannotator.core.prompt.PromptPoint;
import org.samannotator.core.refine.CandidateRule;
import org.samannotator.core.refine.ClickPredictor;
import org.samannotator.core.refine.ClickResult;
import org.samannotator.core.refine.ZoomInClicks;
import org.samannotator.core.refine.ZoomedClick;
import org.samannotator.core.sam.ImageEmbedding;
import org.samannotator.core.sam.MaskCandidate;
import org.samannotator.core.sam.SamPredictor;

/**
 * Runs the interactive segmentation protocol with a real {@link SamPredictor}: per image, the encoder runs
 * once (timed; or the embedding comes from an optional {@link EmbeddingCache}), then {@link ClickSimulator}
 * clicks {@code maxClicks} times. Each click's prompt holds all clicks so far (original pixel indices as
 * coordinates) plus, unless disabled, the low-res logits of the previous step's shown mask; the prediction is
 * {@link ClickPredictor#predict} with the settings' levers (plain = the decoder's own pick). Each click is
 * timed (wall time and the ONNX runs alone) and its decoder calls counted. The IoU after each click is
 * measured against the ignore-aware ground truth on the shown mask. With {@link EvaluationSettings#zoomIn()}
 * the clicks go through {@link ZoomInClicks} (crop encodes counted per image, their time kept out of the
 * click's). When no error pixel is left, no further click is made and the last IoU is carried to the remaining steps.
 */
public final class InteractiveEvaluation {
    /** Called after each image, e.g. to print progress; index is 0-based. */
    @FunctionalInterface
    public interface Progress {
        void imageEvaluated(int index, int total, ImageResult result);
    }

    private final SamPredictor predictor;
    private final ClickPredictor clicks;
    private final EvaluationSettings settings;
    private final Optional<EmbeddingCache> cache;

    public InteractiveEvaluation(SamPredictor predictor, EvaluationSettings settings) {
        this(predictor, settings, Optional.empty());
    }

    /** With a cache, embeddings are read from it when present and stored after encoding. */
    public InteractiveEvaluation(SamPredictor predictor, EvaluationSettings settings, Optional<EmbeddingCache> cache) {
        this.predictor = predictor;
        this.clicks = new ClickPredictor(predictor);
        this.settings = settings;
        this.cache = cache;
    }

    /**
     * Evaluates the samples in order (the first {@code imageLimit} when a limit is set).
     *
     * @throws IOException when an image cannot be loaded (the message names the file)
     * @throws EvaluationDataException when a mask is unreadable or its size differs from its image
     */
    public List<ImageResult> run(List<EvaluationDataset.Sample> samples, Progress progress) throws IOException {
        List<EvaluationDataset.Sample> selected = settings.imageLimit() > 0
                ? samples.subList(0, Math.min(settings.imageLimit(), samples.size())) : samples;
        List<ImageResult> results = new ArrayList<>();
        for (EvaluationDataset.Sample sample : selected) {
            RgbImage image = ImageLoader.load(sample.image());
            GroundTruth truth = GroundTruthReader.read(sample.mask());
            if (!truth.size().equals(image.size())) {
                throw new EvaluationDataException(sample.mask(), "mask is " + truth.size() + " but its image "
                        + sample.image().getFileName() + " is " + image.size());
            }
            ImageResult result = evaluate(sample.name(), image, truth, embed(sample, image));
            results.add(result);
            progress.imageEvaluated(results.size() - 1, selected.size(), result);
        }
        return results;
    }

    /** Encodes one image and runs the click protocol on it. */
    public ImageResult evaluate(String name, RgbImage image, GroundTruth truth) {
        return evaluate(name, image, truth, encodeTimed(image));
    }

    private ImageResult evaluate(String name, RgbImage image, GroundTruth truth, TimedEmbedding timed) {
        try (ImageEmbedding embedding = timed.embedding();
             ZoomInClicks zoom = settings.zoomIn() ? new ZoomInClicks(predictor, clicks, embedding, image) : null) {
            ClickRun run = new ClickRun(embedding, image, truth, zoom);
            for (int k = 1; k <= settings.maxClicks(); k++) {
                run.step(k);
            }
            return new ImageResult(name, image.size(), new IouCurve(run.ious), run.simulator.clicks(),
                    timed.encoderMillis(), run.predictMillis, run.onnxMillis, run.oracle, run.decoderCalls,
                    run.cropEncodes);
        }
    }

    private TimedEmbedding embed(EvaluationDataset.Sample sample, RgbImage image) throws IOException {
        if (cache.isEmpty()) {
            return encodeTimed(image);
        }
        String hash = EmbeddingCache.hashFile(sample.image());
        Optional<EmbeddingData> hit = cache.get().get(predictor.modelId(), hash, image.size());
        if (hit.isPresent()) {
            return new TimedEmbedding(ImageEmbedding.fromData(hit.get()), Double.NaN);
        }
        TimedEmbedding timed = encodeTimed(image);
        cache.get().put(hash, timed.embedding().toData());
        return timed;
    }

    private TimedEmbedding encodeTimed(RgbImage image) {
        long start = System.nanoTime();
        ImageEmbedding embedding = predictor.encode(image);
        return new TimedEmbedding(embedding, (System.nanoTime() - start) / 1e6);
    }

    /** An embedding with its encoder time in milliseconds (NaN when it came from the cache). */
    private record TimedEmbedding(ImageEmbedding embedding, double encoderMillis) {
    }

    /** The state of the protocol on one image. */
    private final class ClickRun {
        private final ImageEmbedding embedding;
        private final RgbImage image;
        private final GroundTruth truth;
        private final ClickSimulator simulator;
        private final List<PromptPoint> points = new ArrayList<>();
        private final double[] ious = new double[settings.maxClicks()];
        private final List<Double> predictMillis = new ArrayList<>();
        private final List<Double> onnxMillis = new ArrayList<>();
        private final List<Integer> decoderCalls = new ArrayList<>();
        private BitMask prediction;
        private LowResMask previousLowRes;
        private Optional<OracleFirstClick> oracle = Optional.empty();
        private final ZoomInClicks zoom;
        private int cropEncodes;

        /** {@code zoom}: the zoom-in of this image's clicks, or null to decode every click on the whole image. */
        ClickRun(ImageEmbedding embedding, RgbImage image, GroundTruth truth, ZoomInClicks zoom) {
            this.embedding = embedding;
            this.zoom = zoom;
            this.image = image;
            this.truth = truth;
            this.simulator = new ClickSimulator(truth);
            this.prediction = new BitMask(truth.size());
        }

        /** Click k (1-based): click, predict, record the IoU of the chosen mask. */
        void step(int k) {
            if (settings.stopWhenReached() && k > EvaluationSettings.STOP_AFTER_AT_LEAST
                    && ious[k - 2] >= EvaluationSettings.STOP_IOU) {
                ious[k - 1] = ious[k - 2];
                return;
            }
            Optional<SimulatedClick> click = simulator.nextClick(prediction);
            if (click.isPresent()) {
                points.add(click.get().toPromptPoint());
                Prompt prompt = Prompt.ofPoints(points);
                if (settings.maskInput() && previousLowRes != null) {
                    prompt = prompt.withPreviousMask(previousLowRes);
                }
                long start = System.nanoTime();
                double cropEncodeMillis = 0;
                ClickResult result;
                if (zoom == null) {
                    result = clicks.predict(embedding, prompt, image, settings.levers());
                } else {
                    ZoomedClick zoomed = zoom.predict(prompt, settings.levers());
                    result = zoomed.result();
                    cropEncodes += zoomed.encoderCalls();
                    cropEncodeMillis = zoomed.encoderMillis();
                }
                prediction = result.shown().mask();
                predictMillis.add((System.nanoTime() - start) / 1e6 - cropEncodeMillis);
                onnxMillis.add(result.decoderMillis());
                decoderCalls.add(result.decoderCalls());
                if (k == 1 && settings.oracleFirstClick()) {
                    oracle = Optional.of(oracleOf(result.candidates(), truth, rulesOn(result.candidates())));
                }
                previousLowRes = result.shown().lowRes();
            }
            ious[k - 1] = truth.iou(prediction);
        }

        /** The IoU of the candidate each rule picks among the first click's candidates. */
        private Map<CandidateRule, Double> rulesOn(List<MaskCandidate> candidates) {
            Map<CandidateRule, Double> ious = new EnumMap<>(CandidateRule.class);
            for (CandidateRule rule : CandidateRule.values()) {
                ious.put(rule, truth.iou(clicks.chooseByRule(candidates, rule, embedding.transform(), image).mask()));
            }
            return ious;
        }
    }

    /**
     * The shown candidate's IoU (the first of {@code candidates}) and the best IoU among all candidates, with
     * their token indices.
     */
    static OracleFirstClick oracleOf(List<MaskCandidate> candidates, GroundTruth truth,
            Map<CandidateRule, Double> iouByRule) {
        MaskCandidate chosen = candidates.get(0);
        MaskCandidate best = chosen;
        double bestIou = truth.iou(chosen.mask());
        double chosenIou = bestIou;
        for (MaskCandidate candidate : candidates.subList(1, candidates.size())) {
            double iou = truth.iou(candidate.mask());
            if (iou > bestIou) {
                best = candidate;
                bestIou = iou;
            }
        }
        return new OracleFirstClick(chosenIou, chosen.tokenIndex(), bestIou, best.tokenIndex(), iouByRule);
    }
}
