package org.samannotator.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.samannotator.core.eval.BenchmarkReport;
import org.samannotator.core.eval.LatencyStats;
import org.samannotator.core.eval.SamBenchmark;

/** Prints a {@link BenchmarkReport} as readable tables (milliseconds unless stated). */
final class BenchTable {
    private BenchTable() {
    }

    static void print(PrintWriter out, BenchmarkReport report) {
        out.println();
        out.printf(Locale.ROOT, "Model %s, load %.0f ms%n", report.modelId(), report.modelLoadMillis());
        for (SamBenchmark.ImageBenchmark image : report.images()) {
            out.println();
            out.println("Image " + image.label());
            SamBenchmark.EncoderResult encoder = image.encoder();
            out.printf(Locale.ROOT, "  encoder: preprocess %.1f + ONNX run %.1f = total %.1f (medians of %d)%n",
                    encoder.preprocess().median(), encoder.encoderRun().median(), encoder.total().median(),
                    encoder.total().count());
            out.printf(Locale.ROOT, "  %-16s %8s %8s %8s %10s %10s %10s%n", "decoder prompt", "median", "p95",
                    "p99", "onnx med", "post med", "onnx/total");
            for (SamBenchmark.DecoderResult decoder : image.decoder()) {
                LatencyStats total = decoder.total();
                out.printf(Locale.ROOT, "  %-16s %8.2f %8.2f %8.2f %10.2f %10.2f %10.2f%n", decoder.prompt(),
                        total.median(), total.p95(), total.p99(), decoder.onnx().median(),
                        decoder.postprocess().median(), decoder.onnxShareOfTotal());
            }
        }
        out.println();
        out.printf(Locale.ROOT, "Peak used heap %.0f MB, peak RSS %s%n", report.maxUsedHeapBytes() / 1e6,
                report.peakRssBytes().isPresent()
                        ? String.format(Locale.ROOT, "%.0f MB", report.peakRssBytes().getAsLong() / 1e6) : "n/a");
        out.flush();
    }
}
