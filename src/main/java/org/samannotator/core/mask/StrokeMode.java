package org.samannotator.core.mask;

/** What a {@link BrushStroke} does to the pixels it covers: BRUSH sets them, ERASER clears them. */
public enum StrokeMode {
    BRUSH,
    ERASER
}
