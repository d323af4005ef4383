package org.samannotator.core.prompt;

/** Label of a prompt point, with SAM's numeric code (1 = foreground, 0 = background). */
public enum PointLabel {
    FOREGROUND(1), BACKGROUND(0);

    private final int samCode;

    PointLabel(int samCode) {
        this.samCode = samCode;
    }

    public int samCode() {
        return samCode;
    }

    public static PointLabel parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "fg", "foreground", "1", "+", "pos", "positive" -> FOREGROUND;
            case "bg", "background", "0", "-", "neg", "negative" -> BACKGROUND;
            default -> throw new IllegalArgumentException("point label must be fg or bg, got '" + text + "'");
        };
    }
}
