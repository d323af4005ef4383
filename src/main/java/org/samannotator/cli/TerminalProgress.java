package org.samannotator.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.samannotator.core.model.FetchProgressListener;

/**
 * Shows fetch progress on a terminal. Interactive: one line rewritten with {@code \r} (bar, percent, MB,
 * phase), at most every 100 ms. Not interactive (output redirected): a plain line per phase start and per
 * 10 % step.
 */
final class TerminalProgress implements FetchProgressListener {
    private static final int BAR_WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final boolean interactive;
    private String currentPhase;
    private int lastDecile = -1;
    private long lastDrawNanos;
    private int lastLineLength;

    TerminalProgress(PrintWriter out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    @Override
    public synchronized void onProgress(long bytesDone, long bytesTotal, String phase) {
        boolean newPhase = !phase.equals(currentPhase);
        if (newPhase) {
            finish();
            currentPhase = phase;
            lastDecile = -1;
        }
        if (interactive) {
            redraw(bytesDone, bytesTotal, phase, newPhase);
        } else {
            printStep(bytesDone, bytesTotal, phase, newPhase);
        }
    }

    /** Ends the current progress line (interactive mode); call once the fetch is over. */
    synchronized void finish() {
        if (interactive && lastLineLength > 0) {
            out.println();
            out.flush();
        }
        lastLineLength = 0;
    }

    private void redraw(long done, long total, String phase, boolean force) {
        long now = System.nanoTime();
        boolean complete = total > 0 && done >= total;
        if (!force && !complete && now - lastDrawNanos < REDRAW_NANOS) {
            return;
        }
        lastDrawNanos = now;
        String line = describe(done, total, phase);
        out.print("\r" + line + " ".repeat(Math.max(0, lastLineLength - line.length())));
        out.flush();
        lastLineLength = line.length();
    }

    private void printStep(long done, long total, String phase, boolean newPhase) {
        if (total <= 0) {
            if (newPhase) {
                out.println(phase + " ...");
                out.flush();
            }
            return;
        }
        int decile = (int) Math.min(10, done * 10 / total);
        if (decile > lastDecile) {
            lastDecile = decile;
            out.println(describe(done, total, phase));
            out.flush();
        }
    }

    static String describe(long done, long total, String phase) {
        if (total <= 0) {
            return done <= 0 ? phase + " ..." : String.format(Locale.ROOT, "%s ... %.1f MB", phase, done / 1_000_000.0);
        }
        double fraction = Math.min(1.0, (double) done / total);
        int filled = (int) Math.round(fraction * BAR_WIDTH);
        return String.format(Locale.ROOT, "[%s%s] %3d%%  %.1f / %.1f MB  %s", "#".repeat(filled),
                "-".repeat(BAR_WIDTH - filled), (int) Math.floor(fraction * 100), done / 1_000_000.0,
                total / 1_000_000.0, phase);
    }
}
