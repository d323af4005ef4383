package org.samannotator.core.coco;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.samannotator.core.prompt.PointLabel;
import org.samannotator.core.prompt.PromptPoint;

/**
 * A prompt point stored with an annotation (our extra field): {@code {"x": .., "y": .., "label": 1|0}}, in
 * original image pixel coordinates as SAM prompts use them; label 1 = foreground, 0 = background.
 */
public record CocoPromptPoint(
        @JsonProperty(value = "x", required = true) @JsonSerialize(using = CompactNumbers.DoubleSerializer.class) double x,
        @JsonProperty(value = "y", required = true) @JsonSerialize(using = CompactNumbers.DoubleSerializer.class) double y,
        @JsonProperty(value = "label", required = true) int label) {
    public CocoPromptPoint {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("prompt point must be finite, got (" + x + ", " + y + ")");
        }
        if (label != 0 && label != 1) {
            throw new IllegalArgumentException("prompt point label must be 1 (foreground) or 0 (background), got "
                    + label);
        }
    }

    public static CocoPromptPoint of(PromptPoint point) {
        return new CocoPromptPoint(point.position().x(), point.position().y(), point.label().samCode());
    }

    public PromptPoint toPromptPoint() {
        return label == 1 ? PromptPoint.foreground(x, y) : PromptPoint.background(x, y);
    }

    /** The label as the enum. */
    public PointLabel pointLabel() {
        return label == 1 ? PointLabel.FOREGROUND : PointLabel.BACKGROUND;
    }
}
