package org.samannotator.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.samannotator.core.eval.EvaluationSummary;
import org.samannotator.core.refine.ClickLevers;

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
        row(out, "levers", describe(summary.settings().levers()) + (summary.settings().zoomIn() ? ", zoom-in" : ""));
        for (int k : new int[] {1, 3, 5}) {
            row(out, "mIoU@" + k, summary.miouAt(k).map(EvalSummaryTable::decimal).orElse("n/a"));
        }
        row(out, "NoC@85", decimal(summary.noc85()));
        row(out, "NoC@90", decimal(summary.noc90()));
        row(out, "failed @90", summary.failed90() + " of " + summary.images());
        row(out, "encoder median", millis(summary.encoderMsMedian()));
        row(out, "decoder median", millis(summary.decoderMsMedian()) + " (ONNX run "
                + millis(summary.decoderOnnxMsMedian()) + ") per click");
        row(out, "decoder calls", String.format(Locale.ROOT, "%.2f per click", summary.decoderCallsPerClick()));
        row(out, "encoder calls", String.format(Locale.ROOT, "%.2f per image%s", summary.encoderCallsPerImage(),
                summary.settings().zoomIn() ? " (1 + zoom-in crops)" : ""));
        row(out, "Java per click", millis(summary.javaMsMedian()) + " median (prediction minus ONNX decoder runs)");
        summary.oracle().ifPresent(oracle -> {
            row(out, "mIoU@1 oracle", decimal(oracle.miou1Oracle()) + " (chosen " + decimal(oracle.miou1Chosen())
                    + ")");
            row(out, "oracle token wins", oracle.bestTokenWins().toString());
            row(out, "chosen tokens", oracle.chosenTokenCounts().toString());
            oracle.miou1ByRule().forEach((rule, miou) ->
                    row(out, "mIoU@1 " + EvaluationSummary.ruleName(rule), decimal(miou)));
        });
        out.flush();
    }

    /** The levers in one line, e.g. "plain" or "choice=stability, cleanup (holes < 1 cells), refine pass". */
    static String describe(ClickLevers levers) {
        if (levers.isPlain()) {
            return "plain";
        }
        StringBuilder text = new StringBuilder("choice=" + EvaluationSummary.ruleName(levers.firstClickChoice()));
        if (levers.multimaskAll()) {
            text.append(", multimask all");
        }
        if (levers.cleanup()) {
            text.append(String.format(Locale.ROOT, ", cleanup (holes < %s cells)", levers.holeCells()));
        }
        if (levers.refinePass()) {
            text.append(", refine pass");
        }
        return text.toString();
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
