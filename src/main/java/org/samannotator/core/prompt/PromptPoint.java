package org.samannotator.core.prompt;

import org.samannotator.core.geometry.ImagePoint;

/** A clicked point in original image pixel coordinates with its label. */
public record PromptPoint(ImagePoint position, PointLabel label) {
    public static PromptPoint foreground(double x, double y) {
        return new PromptPoint(new ImagePoint(x, y), PointLabel.FOREGROUND);
    }

    public static PromptPoint background(double x, double y) {
        return new PromptPoint(new ImagePoint(x, y), PointLabel.BACKGROUND);
    }
}
