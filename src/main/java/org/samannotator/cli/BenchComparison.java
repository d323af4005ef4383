package org.samannotator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.samannotator.core.eval.BenchmarkImages;
import org.samannotator.core.eval.EvaluationReports;
import org.samannotator.core.eval.InterleavedComparison;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.model.ModelManifestException;
import org.samannotator.core.sam.SamModelException;
import org.samannotator.core.sam.SamPredictor;

/** {@code bench --compare ID,...}: the --model and the given models side by side, calls interleaved. */
final class BenchComparison {
    private static final List<Size> SIZES = List.of(new Size(640, 480), new Size(4000, 3000));

    private final ModelOption modelOption;
    private final List<String> otherIds;
    private final int encoderRuns;
    private final int warmup;
    private final int calls;
    private final Path json;

    BenchComparison(ModelOption modelOption, List<String> otherIds, int encoderRuns, int warmup, int calls, Path json) {
        this.modelOption = modelOption;
        this.otherIds = List.copyOf(otherIds);
        this.encoderRuns = encoderRuns;
        this.warmup = warmup;
        this.calls = calls;
        this.json = json;
    }

    int run(PrintWriter out, PrintWriter err) {
        List<SamPredictor> predictors = new ArrayList<>();
        try {
            predictors.add(modelOption.loadPredictor(out).predictor());
            for (String id : otherIds) {
                predictors.add(modelOption.loadPredictor(out, id).predictor());
            }
            Map<String, Object> report = new LinkedHashMap<>();
            for (Size size : SIZES) {
                RgbImage image = BenchmarkImages.synthetic(size);
                BenchmarkImages.PromptCase prompt = BenchmarkImages.prompts(size).get(0);
                List<InterleavedComparison.ModelLatency> results = InterleavedComparison.run(predictors, image,
                        prompt.prompt(), encoderRuns, warmup, calls, line -> {
                            out.println("  " + line);
                            out.flush();
                        });
                out.println();
                out.print(InterleavedComparison.table(size + ", " + prompt.name(), results));
                out.println();
                report.put(size.toString(), results.stream().map(InterleavedComparison.ModelLatency::toJson).toList());
            }
            if (json != null) {
                EvaluationReports.writeJson(json, report);
                out.println("Wrote " + json);
            }
            out.flush();
            return 0;
        } catch (IOException | ModelManifestException | SamModelException e) {
            err.println("error: " + String.valueOf(e.getMessage()).replaceAll("\\R", " "));
            err.flush();
            return 1;
        } finally {
            predictors.forEach(SamPredictor::close);
        }
    }
}
