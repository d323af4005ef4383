package org.samannotator.gui.canvas;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * Measures click-to-overlay latency: {@link #start()} on mouse release (a prompt change), {@link #painted()}
 * once the view has drawn the decoded candidate and the scene pulse that hands that frame to the renderer
 * has run. Samples are in milliseconds. UI thread only.
 */
public final class ClickLatencyMeter {
    private final List<Double> samples = new ArrayList<>();
    private long startNanos = -1;
    private DoubleConsumer sampleListener = millis -> { };

    /** Called with each new sample (milliseconds) right after it is recorded, on the UI thread. */
    public void setSampleListener(DoubleConsumer listener) {
        sampleListener = listener;
    }

    public void start() {
        startNanos = System.nanoTime();
    }

    /** Records a sample if a click is waiting for its overlay; returns it, or NaN. */
    public double painted() {
        if (startNanos < 0) {
            return Double.NaN;
        }
        double millis = (System.nanoTime() - startNanos) / 1e6;
        startNanos = -1;
        samples.add(millis);
        sampleListener.accept(millis);
        return millis;
    }

    public List<Double> samples() {
        return List.copyOf(samples);
    }

    /** Median of the samples, NaN when there are none. */
    public double median() {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = samples.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
