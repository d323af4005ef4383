package org.samannotator.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The {@code auto} command's progress: images done / total with an ETA from the mean time of the images
 * processed so far, and the prompts of the current image. Interactive: one line rewritten with {@code \r}
 * at most every 200 ms; otherwise one line per finished image.
 */
final class AutoProgressBar {
    private static final int BAR_WIDTH = 24;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter out;
    private final boolean interactive;
    private final int images;
    private final long start = System.nanoTime();
    private int imagesDone;
    private int processed;
    private long processedNanos;
    private long lastDraw;
    private int lastLength;

    AutoProgressBar(PrintWriter out, boolean interactive, int images) {
        this.out = out;
        this.interactive = interactive;
        this.images = images;
    }

    /** Prompts done in the current image ({@code name}). */
    synchronized void onPrompts(String name, int done, int total) {
        long now = System.nanoTime();
        if (!interactive || (now - lastDraw < REDRAW_NANOS && done < total)) {
            return;
        }
        lastDraw = now;
        double fraction = (imagesDone + (total == 0 ? 0 : (double) done / total)) / Math.max(1, images);
        int filled = (int) Math.round(fraction * BAR_WIDTH);
        String line = String.format(Locale.ROOT, "[%s%s] %d/%d images  %s %d/%d prompts  ETA %s",
                "#".repeat(filled), "-".repeat(BAR_WIDTH - filled), imagesDone, images, name, done, total, eta());
        out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        out.flush();
        lastLength = line.length();
    }

    /** One image is finished ({@code generatedNanos} &gt; 0 when it was processed, 0 when skipped or failed). */
    synchronized void onImageDone(String message, long generatedNanos) {
        imagesDone++;
        if (generatedNanos > 0) {
            processed++;
            processedNanos += generatedNanos;
        }
        if (interactive) {
            out.print("\r" + " ".repeat(lastLength) + "\r");
            lastLength = 0;
        }
        out.printf(Locale.ROOT, "[%d/%d] %s  (ETA %s)%n", imagesDone, images, message, eta());
        out.flush();
    }

    /** Remaining images times the mean seconds of the images processed so far. */
    String eta() {
        if (processed == 0) {
            return "--:--";
        }
        long seconds = Math.round(processedNanos / 1e9 / processed * (images - imagesDone));
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    long elapsedSeconds() {
        return (System.nanoTime() - start) / 1_000_000_000L;
    }
}
