package org.samannotator.gui.bench;

import java.util.function.DoubleConsumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import org.samannotator.core.session.AnnotationSession;
import org.samannotator.core.session.SessionChange;
import org.samannotator.core.session.SessionListener;

/**
 * The benchmark's click-to-overlay probe, installed on the app from outside: {@link #start()} when the mouse
 * is released; when the session reports the decoded candidate (after the canvas, registered earlier, drew
 * it), the probe waits for the next scene pulse (CSS, layout, syncing the canvas to the renderer) and then
 * reports the milliseconds since the start. FX thread only.
 */
final class OverlayProbe implements SessionListener {
    private final AnnotationSession session;
    private final DoubleConsumer onSample;
    private long startNanos = -1;
    private boolean shownPending;

    OverlayProbe(AnnotationSession session, Scene scene, DoubleConsumer onSample) {
        this.session = session;
        this.onSample = onSample;
        session.addListener(this);
        scene.addPostLayoutPulseListener(this::afterLayoutPulse);
    }

    /** A prompt is about to be given: the clock starts. */
    void start() {
        startNanos = System.nanoTime();
    }

    @Override
    public void sessionChanged(SessionChange change) {
        if (change == SessionChange.ANNOTATIONS && startNanos >= 0 && session.candidate()
                .map(c -> !c.isDecodePending() && !c.prompts().isEmpty()).orElse(false)) {
            shownPending = true;
            Platform.requestNextPulse();
        }
    }

    private void afterLayoutPulse() {
        if (shownPending) {
            shownPending = false;
            Platform.runLater(this::complete);
        }
    }

    private void complete() {
        if (startNanos < 0) {
            return;
        }
        double millis = (System.nanoTime() - startNanos) / 1e6;
        startNanos = -1;
        onSample.accept(millis);
    }
}
