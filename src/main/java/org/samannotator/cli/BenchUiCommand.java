package org.samannotator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.samannotator.core.eval.EvaluationReports;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.refine.ClickLevers;
import org.samannotator.gui.bench.UiBenchResult;
import org.samannotator.gui.bench.UiBenchSettings;
import org.samannotator.gui.bench.UiBenchmark;
import org.samannotator.gui.bench.UiBenchmarkException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bench-ui}: click-to-overlay latency of the real app (mouse release on the canvas until the frame
 * showing the candidate is rendered), median/p95/p99 per image size, with the decoder-only median.
 */
@Command(name = "bench-ui", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Measure click-to-overlay latency in the app window (mouse release until the candidate "
                + "is on screen).")
final class BenchUiCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(BenchUiCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    ModelsDirOption modelsDir;

    @Option(names = "--calls", paramLabel = "N", defaultValue = "100",
            description = "Timed clicks per image size (default: ${DEFAULT-VALUE}).")
    int calls;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "10",
            description = "Untimed clicks first, per image size (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--sizes", paramLabel = "WxH[,WxH...]", split = ",", defaultValue = "640x480,4000x3000",
            converter = SizeConverter.class,
            description = "Synthetic image sizes in pixels, width x height (default: ${DEFAULT-VALUE}).")
    List<Size> sizes;

    @Option(names = "--headless", negatable = true,
            description = "Run on a virtual headless screen with the software renderer (default: only when no "
                    + "DISPLAY is set on Linux).")
    Boolean headless;

    @Option(names = "--during-preannotation",
            description = "After the idle clicks on each size, time as many again while Image > Pre-annotate runs on "
                    + "the image (restarted whenever it finishes), in the same sitting.")
    boolean duringPreannotation;

    @Option(names = "--plain", description = "Every per-click lever off (the model's own pick), set through the "
            + "app's settings as -Dsamannotator.clickLevers=plain does (default: the app's default levers).")
    boolean plain;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the results as JSON.")
    Path json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        UiBenchSettings settings = settings();
        try {
            UiBenchResult result = UiBenchmark.run(settings, line -> {
                out.println(line);
                out.flush();
            });
            printTable(out, result);
            if (json != null) {
                EvaluationReports.writeJson(json, result.toJson());
                out.println("Wrote " + json);
            }
            out.flush();
            return 0;
        } catch (UiBenchmarkException | IOException e) {
            LOG.debug("bench-ui failed", e); // the stack trace for the log file; the user sees the message
            err.println("error: " + String.valueOf(e.getMessage()).replaceAll("\\R", " "));
            err.flush();
            return 1;
        }
    }

    private UiBenchSettings settings() {
        try {
            return new UiBenchSettings(calls, warmup, sizes, headless != null ? headless : noDisplay(),
                    modelsDir.resolve(), duringPreannotation, plain ? ClickLevers.plain() : ClickLevers.appDefaults());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** True on Linux without an X11 or Wayland display; other systems always have one. */
    private static boolean noDisplay() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        return linux && isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    static void printTable(PrintWriter out, UiBenchResult result) {
        out.println();
        out.printf(Locale.ROOT, "Click levers: %s%n", result.settings().levers().isPlain() ? "plain (all off)"
                : result.settings().levers());
        out.printf(Locale.ROOT, "Click to overlay, model %s, %s + %s%s, scene %dx%d, canvas %dx%d, %d clicks after %d "
                + "warm-up per size (ms)%n", result.modelId(), result.windowing(), result.renderer(),
                result.headless() ? " (headless)" : "", result.sceneWidth(), result.sceneHeight(),
                result.canvasWidth(), result.canvasHeight(), result.settings().calls(), result.settings().warmup());
        out.printf(Locale.ROOT, "  %-24s %6s %8s %8s %8s %10s %12s %10s %10s %14s%n", "image", "zoom", "median", "p95",
                "p99", "pulse med", "decoder med", "app med", "probe med", "target median");
        for (UiBenchResult.SizeResult size : result.sizes()) {
            var overlay = size.overlay();
            String target = size.targetMedianMillis().isPresent()
                    ? String.format(Locale.ROOT, "<= %.0f %s", size.targetMedianMillis().getAsDouble(),
                            overlay.median() <= size.targetMedianMillis().getAsDouble() ? "met" : "MISSED")
                    : "-";
            out.printf(Locale.ROOT, "  %-24s %6.3f %8.1f %8.1f %8.1f %10.1f %12.1f %10.1f %10.2f %14s%n", size.label(),
                    size.displayScale(), overlay.median(), overlay.p95(), overlay.p99(), size.pulse().median(),
                    size.decoder().median(), size.appShare().median(), size.probe().median(), target);
        }
        out.println("  median/p95/p99: mouse release until the renderer finished the frame with the candidate;");
        out.println("  pulse: until the scene pulse after the draw ran; decoder: the ONNX decoder run alone;");
        out.println("  probe: cost of the render-complete probe with nothing to render (included in the median).");
        out.flush();
    }
}
