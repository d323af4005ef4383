package org.samannotator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.samannotator.core.eval.BenchmarkImages;
import org.samannotator.core.eval.BenchmarkReport;
import org.samannotator.core.eval.EncodingThroughput;
import org.samannotator.core.eval.EvaluationReports;
import org.samannotator.core.eval.PeakMemorySampler;
import org.samannotator.core.eval.SamBenchmark;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.image.ImageLoader;
import org.samannotator.core.image.RgbImage;
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
 * {@code bench}: model load time, encoder and decoder latency (median/p95/p99) at a 640x480-class and a
 * 4000x3000-class image for five prompt kinds, the ONNX decoder run vs our total predict time, pre- and
 * post-processing times, and peak memory.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Measure model load, encoder and decoder latency and peak memory.")
final class BenchCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(BenchCommand.class);

    private static final Size SMALL = new Size(640, 480);
    private static final Size LARGE = new Size(4000, 3000);

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption modelOption;

    @Option(names = "--image", paramLabel = "FILE",
            description = "Use this image (as is, and upscaled to a 4000-pixel longest side) instead of the "
                    + "synthetic 640x480 and 4000x3000 images.")
    Path image;

    @Option(names = "--calls", paramLabel = "N", defaultValue = "200",
            description = "Timed decoder calls per prompt kind (default: ${DEFAULT-VALUE}).")
    int calls;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "20",
            description = "Untimed decoder warm-up calls per prompt kind (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--encoder-runs", paramLabel = "N", defaultValue = "5",
            description = "Timed encoder runs per image after one warm-up (default: ${DEFAULT-VALUE}).")
    int encoderRuns;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the results as JSON.")
    Path json;

    @Option(names = "--compare", paramLabel = "ID", split = ",",
            description = "Instead of the full benchmark, compare these models (comma-separated ids) with --model "
                    + "side by side, interleaving their calls: encoder run and 1-point decoder at 640x480 and 4000x3000.")
    List<String> compareIds;

    @Option(names = "--encode-folder", paramLabel = "DIR",
            description = "Instead of the latency benchmark, measure pre-encoding throughput: load and encode every "
                    + "image in DIR (or DIR/images) once and report images per minute and the encoder time.")
    Path encodeFolder;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SamBenchmark.Settings settings = settings();
        if (encodeFolder != null) {
            return encodingThroughput(out, err);
        }
        if (compareIds != null) {
            return new BenchComparison(modelOption, compareIds, encoderRuns, warmup, calls, json).run(out, err);
        }
        try (PeakMemorySampler memory = new PeakMemorySampler(20)) {
            List<Case> cases = cases();
            ModelOption.LoadedPredictor loaded = modelOption.loadPredictor(out);
            List<SamBenchmark.ImageBenchmark> results = new ArrayList<>();
            double loadMillis = loaded.loadMillis();
            String modelId = loaded.predictor().modelId();
            try (SamPredictor predictor = loaded.predictor()) {
                out.printf(Locale.ROOT, "Model %s loaded in %.0f ms%n", modelId, loadMillis);
                out.flush();
                SamBenchmark benchmark = new SamBenchmark(predictor, settings, line -> progress(out, line),
                        memory::sample);
                for (Case c : cases) {
                    results.add(benchmark.run(c.label(), c.image(), BenchmarkImages.prompts(c.image().size())));
                }
            }
            BenchmarkReport report = new BenchmarkReport(modelId, loadMillis, settings, results,
                    memory.maxUsedHeapBytes(), PeakMemorySampler.processPeakRssBytes());
            BenchTable.print(out, report);
            if (json != null) {
                EvaluationReports.writeJson(json, report.toJson());
                out.println("Wrote " + json);
            }
            out.flush();
            return 0;
        } catch (IOException | ModelManifestException | SamModelException e) {
            LOG.debug("bench failed", e); // the stack trace for the log file; the user sees the message
            err.println("error: " + String.valueOf(e.getMessage()).replaceAll("\\R", " "));
            err.flush();
            return 1;
        }
    }

    private int encodingThroughput(PrintWriter out, PrintWriter err) {
        try {
            List<Path> images = EncodingThroughput.imagesIn(encodeFolder);
            ModelOption.LoadedPredictor loaded = modelOption.loadPredictor(out);
            try (SamPredictor predictor = loaded.predictor()) {
                out.printf(Locale.ROOT, "Model %s loaded in %.0f ms; encoding %d images of %s%n", predictor.modelId(),
                        loaded.loadMillis(), images.size(), encodeFolder);
                out.flush();
                EncodingThroughput.Result result = EncodingThroughput.run(predictor, images, line -> progress(out, line));
                out.println("Pre-encoding " + predictor.modelId() + ": " + result.summary());
                if (json != null) {
                    Map<String, Object> report = new LinkedHashMap<>();
                    report.put("model", predictor.modelId());
                    report.put("folder", encodeFolder.toString());
                    report.putAll(result.toJson());
                    EvaluationReports.writeJson(json, report);
                    out.println("Wrote " + json);
                }
            }
            out.flush();
            return 0;
        } catch (IOException | ModelManifestException | SamModelException e) {
            err.println("error: " + String.valueOf(e.getMessage()).replaceAll("\\R", " "));
            err.flush();
            return 1;
        }
    }

    /** One benchmarked image with its label (its size, and where it came from). */
    private record Case(String label, RgbImage image) {
    }

    private List<Case> cases() throws IOException {
        if (image == null) {
            return List.of(new Case(SMALL.toString(), BenchmarkImages.synthetic(SMALL)),
                    new Case(LARGE.toString(), BenchmarkImages.synthetic(LARGE)));
        }
        RgbImage given = ImageLoader.load(image);
        double scale = (double) LARGE.longestSide() / given.size().longestSide();
        Size upscaled = new Size((int) Math.round(given.width() * scale), (int) Math.round(given.height() * scale));
        return List.of(new Case(given.size() + " (given)", given),
                new Case(upscaled + " (upscaled)", BenchmarkImages.resized(given, upscaled)));
    }

    private SamBenchmark.Settings settings() {
        try {
            return new SamBenchmark.Settings(1, encoderRuns, warmup, calls);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static void progress(PrintWriter out, String line) {
        out.println("  " + line);
        out.flush();
    }
}
