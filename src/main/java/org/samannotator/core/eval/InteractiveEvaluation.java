package org.samannotator.core.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.samannotator.core.image.ImageLoader;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.prompt.LowResMask;
import org.samannotator.core.prompt.Prompt;
import org.samannotator.core.prompt.PromptPoint;
import org.samannotator.core.sam.ImageEmbedding;
import org.samannotator.core.sam.MaskCandidate;
import org.samannotator.core.sam.Prediction;
import org.samannotator.core.sam.SamPredictor;

/**
 * Runs the interactive segmentation protocol with a real {@link SamPredictor}: per image, the encoder runs
 * once (timed), then {@link ClickSimulator} clicks {@code maxClicks} times. Each click's prompt holds all
 * clicks so far (original pixel indices as coordinates) plus, unless disabled, the low-res logits of the
 * previous step's chosen mask. Each {@code predict} call is timed (wall time and the ONNX run alone). The IoU
 * after each click is measured against the ignore-aware ground truth on the chosen mask. When no error pixel
 * is left, no further click is made and the last IoU is carried to the remaining steps.
 */
public final class InteractiveEvaluation {
    /** Called after each image, e.g. to print progress; index is 0-based. */
    @FunctionalInterface
    public interface Progress {
        void imageEvaluated(int index, int total, ImageResult result);
    }

    private final SamPredictor predictor;
    private final EvaluationSettings settings;

    public InteractiveEvaluation(SamPredictor predictor, EvaluationSettings settings) {
        this.predictor = predictor;
        this.settings = settings;
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
            ImageResult result = evaluate(sample.name(), image, truth);
            results.add(result);
            progress.imageEvaluated(results.size() - 1, selected.size(), result);
        }
        return results;
    }

    /** Encodes one image and runs the click protocol on it. */
    public ImageResult evaluate(String name, RgbImage image, GroundTruth truth) {
        long start = System.nanoTime();
        try (ImageEmbedding embedding = predictor.encode(image)) {
            double encoderMillis = (System.nanoTime() - start) / 1e6;
            ClickRun run = new ClickRun(embedding, truth);
            for (int k = 1; k <= settings.maxClicks(); k++) {
                run.step(k);
            }
            return new ImageResult(name, image.size(), new IouCurve(run.ious), run.simulator.clicks(),
                    encoderMillis, run.predictMillis, run.onnxMillis, run.oracle);
        }
    }

    /** The state of the protocol on one image. */
    private final class ClickRun {
        private final ImageEmbedding embedding;
        private final GroundTruth truth;
        private final ClickSimulator simulator;
        private final List<PromptPoint> points = new ArrayList<>();
        private final double[] ious = new double[settings.maxClicks()];
        private final List<Double> predictMillis = new ArrayList<>();
        private final List<Double> onnxMillis = new ArrayList<>();
        private BitMask prediction;
        private LowResMask previousLowRes;
        private Optional<OracleFirstClick> oracle = Optional.empty();

        ClickRun(ImageEmbedding embedding, GroundTruth truth) {
            this.embedding = embedding;
            this.truth = truth;
            this.simulator = new ClickSimulator(truth);
            this.prediction = new BitMask(truth.size());
        }

        /** Click k (1-based): click, predict, record the IoU of the chosen mask. */
        void step(int k) {
            Optional<SimulatedClick> click = simulator.nextClick(prediction);
            if (click.isPresent()) {
                points.add(click.get().toPromptPoint());
                Prompt prompt = Prompt.ofPoints(points);
                if (settings.maskInput() && previousLowRes != null) {
                    prompt = prompt.withPreviousMask(previousLowRes);
                }
                long start = System.nanoTime();
                Prediction result = predictor.predict(embedding, prompt);
                predictMillis.add((System.nanoTime() - start) / 1e6);
                onnxMillis.add(result.decoderMillis());
                MaskCandidate chosen = result.chosen();
                if (k == 1 && settings.oracleFirstClick()) {
                    oracle = Optional.of(oracleOf(result, truth));
                }
                prediction = chosen.mask();
                previousLowRes = chosen.lowRes();
            }
            ious[k - 1] = truth.iou(prediction);
        }
    }

    /** The chosen candidate's IoU and the best IoU among all candidates, with their token indices. */
    static OracleFirstClick oracleOf(Prediction prediction, GroundTruth truth) {
        MaskCandidate chosen = prediction.chosen();
        MaskCandidate best = chosen;
        double bestIou = truth.iou(chosen.mask());
        double chosenIou = bestIou;
        for (MaskCandidate candidate : prediction.alternatives()) {
            double iou = truth.iou(candidate.mask());
            if (iou > bestIou) {
                best = candidate;
                bestIou = iou;
            }
        }
        return new OracleFirstClick(chosenIou, chosen.tokenIndex(), bestIou, best.tokenIndex());
    }
}
