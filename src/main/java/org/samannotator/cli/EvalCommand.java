package org.samannotator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.samannotator.core.embedding.EmbeddingCache;
import org.samannotator.core.eval.EvaluationDataException;
import org.samannotator.core.eval.EvaluationDataset;
import org.samannotator.core.eval.EvaluationReports;
import org.samannotator.core.eval.EvaluationSettings;
import org.samannotator.core.eval.EvaluationSummary;
import org.samannotator.core.eval.ImageResult;
import org.samannotator.core.eval.InteractiveEvaluation;
import org.samannotator.core.model.ModelManifestException;
import org.samannotator.core.refine.CandidateRule;
import org.samannotator.core.refine.ClickLevers;
import org.samannotator.core.sam.SamModelException;
import org.samannotator.core.sam.SamPredictor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code eval}: the standard interactive segmentation benchmark (RITM/f-BRS click protocol) on a dataset
 * folder with {@code images/} and {@code masks/} (0 background, 128 ignore, 255 object): mIoU@1/3/5,
 * NoC@85/90, failures at 0.90 and encoder/decoder timings. The per-click accuracy levers default to
 * {@link ClickLevers#defaults()} (as the app); {@code --plain} turns them all off (the standard protocol), and
 * each lever option then turns one back on (or, without {@code --plain}, off with its {@code --no-} form).
 */
@Command(name = "eval", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Evaluate a model with simulated clicks on a dataset of images/ and masks/.")
final class EvalCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(EvalCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption modelOption;

    @Option(names = "--dataset", required = true, paramLabel = "DIR",
            description = "Dataset folder with images/NAME.* and masks/NAME.png.")
    Path dataset;

    @Option(names = "--max-clicks", paramLabel = "N", defaultValue = "20",
            description = "Clicks per image (default: ${DEFAULT-VALUE}).")
    int maxClicks;

    @Option(names = "--no-mask-input", description = "Do not feed the previous low-res mask back to the decoder.")
    boolean noMaskInput;

    @Option(names = "--oracle-first-click",
            description = "Also report the best first-click IoU among all mask candidates (miou1_oracle).")
    boolean oracleFirstClick;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "Evaluate only the first N images by name (default: all).")
    int limit;

    @Option(names = "--plain", description = "Every lever off: the standard protocol, comparable with published "
            + "figures. Lever options given as well turn single levers back on.")
    boolean plain;

    @Option(names = "--choice", paramLabel = "RULE", description = "Which candidate to show after the first click: "
            + "model-iou, stability, agreement, largest, boundary, iou-stability or figure-ground "
            + "(default: figure-ground, as the app).")
    String choice;

    @Option(names = "--multimask-all", negatable = true, description = "At later clicks pick among all four mask "
            + "tokens by consistency with the clicks (ties keep the model's pick).")
    Boolean multimaskAll;

    @Option(names = "--cleanup", negatable = true, description = "Click-consistent cleanup: drop components "
            + "without a positive click, fill small holes, force the clicked pixels.")
    Boolean cleanup;

    @Option(names = "--hole-cells", paramLabel = "CELLS", description = "Cleanup fills holes smaller than this "
            + "many image-embedding cells ((longest side / 64)^2 pixels each; default: 1).")
    Double holeCells;

    @Option(names = "--refine-pass", negatable = true, description = "Decode twice per click: the second time "
            + "with the first result as mask input (one more decoder call).")
    Boolean refinePass;

    @Option(names = "--zoom-in", description = "Gated zoom-in: clicks after the first are decoded on a re-encoded "
            + "crop around the object (RITM's ZoomIn, only when the crop is under half the image; one encoder run "
            + "per new crop). Off by default, also without --plain.")
    boolean zoomIn;

    @Option(names = "--stop-at-90", description = "Stop clicking an image once IoU >= 0.90 after at least 5 "
            + "clicks (faster; NoC@85/90, failures and mIoU@1..5 unchanged, mIoU beyond 5 not comparable).")
    boolean stopAt90;

    @Option(names = "--embedding-cache", description = "Read and store embeddings in the app's on-disk cache "
            + "(repeated runs skip the encoder; encoder timings then cover only images encoded in this run).")
    boolean embeddingCache;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the summary as JSON.")
    Path json;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write one row per image (IoU per click, NoC).")
    Path csv;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EvaluationSettings settings = settings();
        try {
            OutputFiles.checkWritable(json, csv);
            List<EvaluationDataset.Sample> samples = EvaluationDataset.list(dataset);
            ModelOption.LoadedPredictor loaded = modelOption.loadPredictor(out);
            String modelId = loaded.predictor().modelId();
            List<ImageResult> results;
            try (SamPredictor predictor = loaded.predictor()) {
                out.printf(Locale.ROOT, "Evaluating %s on %s: %d images, %d clicks, mask input %s, levers %s%n",
                        modelId, dataset, limit > 0 ? Math.min(limit, samples.size()) : samples.size(),
                        maxClicks, settings.maskInput() ? "on" : "off", EvalSummaryTable.describe(settings.levers())
                                + (settings.zoomIn() ? ", zoom-in" : ""));
                out.flush();
                Optional<EmbeddingCache> cache = embeddingCache ? Optional.of(EmbeddingCache.openDefault())
                        : Optional.empty();
                results = new InteractiveEvaluation(predictor, settings, cache).run(samples,
                        (index, total, result) -> printProgress(out, index, total, result));
            }
            EvaluationSummary summary = EvaluationSummary.of(modelId, settings, results);
            EvalSummaryTable.print(out, summary);
            writeReports(out, summary, results);
            return 0;
        } catch (IOException | EvaluationDataException | ModelManifestException | SamModelException e) {
            LOG.debug("eval failed", e); // the stack trace for the log file; the user sees the message
            err.println("error: " + String.valueOf(e.getMessage()).replaceAll("\\R", " "));
            err.flush();
            return 1;
        }
    }

    private EvaluationSettings settings() {
        try {
            return new EvaluationSettings(maxClicks, !noMaskInput, oracleFirstClick, limit, levers(), stopAt90,
                    zoomIn);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The app's defaults, or all off with --plain, then each lever option given on top. */
    ClickLevers levers() {
        ClickLevers base = plain ? ClickLevers.plain() : ClickLevers.defaults();
        return new ClickLevers(choice == null ? base.firstClickChoice() : CandidateRule.parse(choice),
                multimaskAll == null ? base.multimaskAll() : multimaskAll,
                cleanup == null ? base.cleanup() : cleanup,
                holeCells == null ? base.holeCells() : holeCells,
                refinePass == null ? base.refinePass() : refinePass);
    }

    private void writeReports(PrintWriter out, EvaluationSummary summary, List<ImageResult> results)
            throws IOException {
        if (json != null) {
            EvaluationReports.writeJson(json, summary.toJson());
            out.println("Wrote " + json);
        }
        if (csv != null) {
            EvaluationReports.writeCsv(csv, results, maxClicks);
            out.println("Wrote " + csv);
        }
        out.flush();
    }

    private static void printProgress(PrintWriter out, int index, int total, ImageResult result) {
        int last = result.curve().maxClicks();
        String encoder = Double.isFinite(result.encoderMillis())
                ? String.format(Locale.ROOT, "%.0f ms", result.encoderMillis()) : "cached";
        out.printf(Locale.ROOT, "[%d/%d] %-12s %4dx%-4d IoU@1 %.3f  IoU@%d %.3f  NoC90 %2d  encoder %s%n",
                index + 1, total, result.name(), result.size().width(), result.size().height(),
                result.curve().iouAfterClick(1), last, result.curve().iouAfterClick(last),
                result.curve().numberOfClicks(0.90), encoder);
        out.flush();
    }
}
