package org.samannotator.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.samannotator.core.eval.EvaluationSummary;

/** Prints an {@link EvaluationSummary} as an aligned two-column table. */
final class EvalSummaryTable {
    private EvalSummaryTable() {
    }

    static void print(PrintWriter out, EvaluationSummary summary) {
        out.println();
        row(out, "model", summary.modelId());
        row(out, "images", Integer.toString(summary.images()));
        row(out, "max clicks", Integer.toString(summary.settings().maxClicks()));
        row(out, "mask input", summary.settings().maskInput() ? "on" : "off");
        for (int k : new int[] {1, 3, 5}) {
            row(out, "mIoU@" + k, summary.miouAt(k).map(EvalSummaryTable::decimal).orElse("n/a"));
        }
        row(out, "NoC@85", decimal(summary.noc85()));
        row(out, "NoC@90", decimal(summary.noc90()));
        row(out, "failed @90", summary.failed90() + " of " + summary.images());
        row(out, "encoder median", millis(summary.encoderMsMedian()));
        row(out, "decoder median", millis(summary.decoderMsMedian()) + " (ONNX run "
                + millis(summary.decoderOnnxMsMedian()) + ")");
        summary.oracle().ifPresent(oracle -> {
            row(out, "mIoU@1 oracle", decimal(oracle.miou1Oracle()) + " (chosen " + decimal(oracle.miou1Chosen())
                    + ")");
            row(out, "oracle token wins", oracle.bestTokenWins().toString());
            row(out, "chosen tokens", oracle.chosenTokenCounts().toString());
        });
        out.flush();
    }

    private static void row(PrintWriter out, String label, String value) {
        out.printf(Locale.ROOT, "%-18s %s%n", label, value);
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static String millis(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.1f ms", value) : "n/a";
    }
}
