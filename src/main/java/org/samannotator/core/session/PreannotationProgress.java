package org.samannotator.core.session;

/** What the status bar shows of a running pre-annotation: a sentence and the fraction done (0..1). */
public record PreannotationProgress(String text, double fraction) {
}
