package org.samannotator.core.eval;

import org.samannotator.core.prompt.PointLabel;
import org.samannotator.core.prompt.PromptPoint;

/**
 * One click of the simulated user: pixel (x, y) in original image pixel indices, positive (object,
 * foreground) or negative (background), and the clicked pixel's distance to the boundary of the error
 * region it was placed in (pixels).
 */
public record SimulatedClick(int x, int y, boolean positive, double distanceToBoundary) {

    /** The click as a SAM prompt point; the pixel index is the coordinate (SAM's convention). */
    public PromptPoint toPromptPoint() {
        return positive ? PromptPoint.foreground(x, y) : PromptPoint.background(x, y);
    }

    public PointLabel label() {
        return positive ? PointLabel.FOREGROUND : PointLabel.BACKGROUND;
    }
}
