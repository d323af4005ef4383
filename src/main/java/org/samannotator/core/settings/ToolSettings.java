package org.samannotator.core.settings;

import java.util.Locale;

/**
 * The canvas tool settings remembered between runs.
 *
 * @param tool             the active tool's name (POINT, BOX, BRUSH, ERASER; the app falls back to POINT for others)
 * @param brushRadius      brush and eraser radius in original image pixels, clamped to [1, 500]
 * @param overlayOpacity   fill opacity of the object masks, clamped to [0, 1]
 * @param hoverPreview     whether the mask under the mouse is previewed
 * @param showMasks        whether accepted objects are drawn
 * @param colourByInstance objects drawn each in its own colour (true) or in their category's colour (false)
 */
public record ToolSettings(String tool, double brushRadius, double overlayOpacity, boolean hoverPreview,
        boolean showMasks, boolean colourByInstance) {
    public ToolSettings {
        tool = tool == null || tool.isBlank() ? "POINT" : tool.strip().toUpperCase(Locale.ROOT);
        brushRadius = Double.isFinite(brushRadius) ? Math.max(1, Math.min(500, brushRadius)) : 12;
        overlayOpacity = Double.isFinite(overlayOpacity) ? Math.max(0, Math.min(1, overlayOpacity)) : 0.45;
    }

    public static ToolSettings defaults() {
        return new ToolSettings("POINT", 12, 0.45, false, true, true);
    }
}
