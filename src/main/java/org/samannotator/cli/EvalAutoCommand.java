package org.samannotator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.samannotator.core.auto.AmgResult;
import org.samannotator.core.auto.AmgSettings;
import org.samannotator.core.auto.AutomaticMaskGenerator;
import org.samannotator.core.auto.CachedEmbeddings;
import org.samannotator.core.auto.CropDecoders;
import org.samannotator.core.auto.MaskSetAgreement;
import org.samannotator.core.auto.ProposalRecall;
import org.samannotator.core.auto.RecordingCropDecoders;
import org.samannotator.core.auto.SamCropDecoders;
import org.samannotator.core.embedding.EmbeddingCache;
import org.samannotator.core.eval.EvaluationDataException;
import org.samannotator.core.eval.EvaluationDataset;
import org.samannotator.core.eval.EvaluationReports;
import org.samannotator.core.eval.GroundTruth;
import org.samannotator.core.eval.GroundTruthReader;
import org.samannotator.core.image.ImageLoader;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.model.ModelManifestException;
import org.samannotator.core.sam.ImageEmbedding;
import org.samannotator.core.sam.SamModelException;
import org.samannotator.core.sam.SamPredictor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code eval-auto}: object-proposal recall of the automatic mask generator on a dataset of {@code images/}
 * and {@code masks/} (0 background, 128 ignore, 255 object), as in the SAM paper's proposal evaluation.
 */
@Command(name = "eval-auto", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Evaluate automatic mask generation (proposal recall) on a dataset of images/ and masks/.")
final class EvalAutoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption modelOption;

    @Mixin
    AmgOptions amgOptions;

    @Option(names = "--dataset", required = true, paramLabel = "DIR",
            description = "Dataset folder with images/NAME.* and masks/NAME.png.")
    Path dataset;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "Evaluate only the first N images by name (default: all).")
    int limit;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the summary as JSON.")
    Path json;

    @Option(names = "--no-cache", description = "Do not use the on-disk embedding cache.")
    boolean noCache;

    @Option(names = "--compare-stability-paths",
            description = "Also filter the same decoder outputs with the stability score on the low-res logits "
                    + "and report how the kept masks agree (not with --adaptive).")
    boolean compareStabilityPaths;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AmgSettings settings = settings();
        try {
            List<EvaluationDataset.Sample> samples = EvaluationDataset.list(dataset);
            if (limit > 0 && samples.size() > limit) {
                samples = samples.subList(0, limit);
            }
            ModelOption.LoadedPredictor loaded = modelOption.loadPredictor(out);
            String modelId = loaded.predictor().modelId();
            List<ProposalRecall.ImageScore> scores = new ArrayList<>();
            List<MaskSetAgreement> agreements = new ArrayList<>();
            try (SamPredictor predictor = loaded.predictor()) {
                out.printf(Locale.ROOT, "Evaluating automatic masks of %s on %s: %d images, %s%n", modelId, dataset,
                        samples.size(), settings);
                out.flush();
                CachedEmbeddings embeddings = new CachedEmbeddings(predictor, noCache ? null : EmbeddingCache.openDefault());
                for (int i = 0; i < samples.size(); i++) {
                    scores.add(evaluate(predictor, embeddings, settings, samples.get(i), agreements));
                    printProgress(out, i, samples.size(), scores.get(i), agreements);
                }
            }
            Map<String, Object> summary = ProposalRecall.summary(scores, settings, modelId);
            if (compareStabilityPaths) {
                summary.put("stability_path_comparison", agreementJson(agreements));
            }
            out.println(EvaluationReports.toJsonText(summary));
            if (json != null) {
                EvaluationReports.writeJson(json, summary);
                out.println("Wrote " + json);
            }
            out.flush();
            return 0;
        } catch (IOException | EvaluationDataException | ModelManifestException | SamModelException e) {
            err.println("error: " + String.valueOf(e.getMessage()).replaceAll("\\R", " "));
            err.flush();
            return 1;
        }
    }

    private ProposalRecall.ImageScore evaluate(SamPredictor predictor, CachedEmbeddings embeddings, AmgSettings settings,
            EvaluationDataset.Sample sample, List<MaskSetAgreement> agreements) throws IOException {
        RgbImage image = ImageLoader.load(sample.image());
        GroundTruth truth = GroundTruthReader.read(sample.mask());
        CachedEmbeddings.Whole whole = embeddings.whole(sample.image(), image);
        try (ImageEmbedding embedding = whole.embedding()) {
            CropDecoders decoders = new SamCropDecoders(predictor, embedding, embeddings.crops(sample.image(), image),
                    settings.pointsPerBatch());
            RecordingCropDecoders recording = compareStabilityPaths ? new RecordingCropDecoders(decoders) : null;
            AmgResult result = new AutomaticMaskGenerator(settings).generate(recording != null ? recording : decoders,
                    image.size(), (done, total) -> { }, () -> false);
            if (recording != null) {
                AmgResult lowRes = new AutomaticMaskGenerator(settings.withStabilityOnLowRes(!settings.stabilityOnLowRes()))
                        .generate(recording.replay(), image.size(), (done, total) -> { }, () -> false);
                agreements.add(MaskSetAgreement.of(result.masks(), lowRes.masks()));
            }
            var stats = result.stats();
            return new ProposalRecall.ImageScore(sample.name(), ProposalRecall.bestIou(truth, result.masks()),
                    result.masks().size(), stats.totalMillis() / 1000, stats.decoderCalls(), stats.decoderMillis() / 1000);
        }
    }

    private AmgSettings settings() {
        try {
            AmgSettings settings = amgOptions.toSettings();
            if (compareStabilityPaths && settings.adaptive()) {
                throw new IllegalArgumentException("--compare-stability-paths needs the full grid (no --adaptive)");
            }
            return settings;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static Map<String, Object> agreementJson(List<MaskSetAgreement> agreements) {
        Map<String, Object> json = new LinkedHashMap<>();
        int reference = agreements.stream().mapToInt(MaskSetAgreement::referenceCount).sum();
        int other = agreements.stream().mapToInt(MaskSetAgreement::otherCount).sum();
        int matched = agreements.stream().mapToInt(MaskSetAgreement::matched).sum();
        json.put("masks_this_path", reference);
        json.put("masks_other_path", other);
        json.put("matched_iou_0.99", matched);
        json.put("matched_fraction", reference == 0 ? 1.0 : (double) matched / reference);
        json.put("mean_best_iou", agreements.stream().mapToDouble(a -> a.meanBestIou() * a.referenceCount()).sum()
                / Math.max(1, reference));
        return json;
    }

    private static void printProgress(PrintWriter out, int index, int total, ProposalRecall.ImageScore s,
            List<MaskSetAgreement> agreements) {
        String agreement = agreements.isEmpty() ? "" : String.format(Locale.ROOT, "  other path: %d/%d matched, %d masks",
                agreements.get(index).matched(), agreements.get(index).referenceCount(), agreements.get(index).otherCount());
        out.printf(Locale.ROOT, "[%d/%d] %-12s best IoU %.3f  masks %3d  decoder calls %4d  %.1f s (decoder %.1f s)%s%n",
                index + 1, total, s.name(), s.bestIou(), s.masks(), s.decoderCalls(), s.seconds(), s.decoderSeconds(),
                agreement);
        out.flush();
    }
}
