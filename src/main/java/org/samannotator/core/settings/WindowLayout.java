package org.samannotator.core.settings;

import java.util.List;

/**
 * Where the main window was when it was last closed: position and size (in screen units, of the window when
 * not maximised), whether it was maximised, and the split pane's divider positions (fractions in [0, 1]).
 */
public record WindowLayout(double x, double y, double width, double height, boolean maximized, List<Double> dividers) {
    public WindowLayout {
        dividers = dividers == null ? List.of()
                : dividers.stream().filter(d -> d != null && d >= 0 && d <= 1).toList();
    }

    /** True when the size is usable (finite, at least 200 x 150) and the position finite. */
    public boolean hasUsableBounds() {
        return Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(width) && Double.isFinite(height)
                && width >= 200 && height >= 150;
    }
}
