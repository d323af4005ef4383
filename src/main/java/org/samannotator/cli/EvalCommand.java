package org.samannotator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.samannotator.core.eval.EvaluationDataException;
import org.samannotator.core.eval.EvaluationDataset;
import org.samannotator.core.eval.EvaluationReports;
import org.samannotator.core.eval.EvaluationSettings;
import org.samannotator.core.eval.EvaluationSummary;
import org.samannotator.core.eval.ImageResult;
import org.samannotator.core.eval.InteractiveEvaluation;
import org.samannotator.core.model.ModelManifestException;
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
 * NoC@85/90, failures at 0.90 and encoder/decoder timings.
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
                out.printf(Locale.ROOT, "Evaluating %s on %s: %d images, %d clicks, mask input %s%n",
                        modelId, dataset, limit > 0 ? Math.min(limit, samples.size()) : samples.size(),
                        maxClicks, settings.maskInput() ? "on" : "off");
                out.flush();
                results = new InteractiveEvaluation(predictor, settings).run(samples,
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
            return new EvaluationSettings(maxClicks, !noMaskInput, oracleFirstClick, limit);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
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
        out.printf(Locale.ROOT, "[%d/%d] %-12s %4dx%-4d IoU@1 %.3f  IoU@%d %.3f  NoC90 %2d  encoder %.0f ms%n",
                index + 1, total, result.name(), result.size().width(), result.size().height(),
                result.curve().iouAfterClick(1), last, result.curve().iouAfterClick(last),
                result.curve().numberOfClicks(0.90), result.encoderMillis());
        out.flush();
    }
}
