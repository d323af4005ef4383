package org.samannotator.core.coco;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.samannotator.core.geometry.Box;
import org.samannotator.core.prompt.PromptPoint;

/**
 * The SAM prompts that produced an annotation (our extra "prompts" field, ignored by standard COCO
 * readers): {@code {"points": [{"x":..,"y":..,"label":1}, ...], "box": [x0, y0, x1, y1]}}, all in
 * original image pixel coordinates; "box" is omitted when there is none.
 *
 * @param points prompt points, possibly empty
 * @param box    the prompt box, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CocoPrompts(
        @JsonProperty("points") List<CocoPromptPoint> points,
        @JsonProperty("box") PromptBox box) {
    public CocoPrompts {
        points = points == null ? List.of() : List.copyOf(points);
    }

    public static CocoPrompts of(List<PromptPoint> points, Optional<Box> box) {
        List<CocoPromptPoint> converted = new ArrayList<>();
        for (PromptPoint p : points) {
            converted.add(CocoPromptPoint.of(p));
        }
        return new CocoPrompts(converted, box.map(PromptBox::of).orElse(null));
    }

    public List<PromptPoint> promptPoints() {
        List<PromptPoint> converted = new ArrayList<>();
        for (CocoPromptPoint p : points) {
            converted.add(p.toPromptPoint());
        }
        return converted;
    }

    @JsonIgnore
    public Optional<Box> promptBox() {
        return Optional.ofNullable(box).map(PromptBox::toBox);
    }

    /** A prompt box written as the JSON array {@code [x0, y0, x1, y1]} (top-left, bottom-right). */
    public record PromptBox(double x0, double y0, double x1, double y1) {
        public PromptBox {
            if (!Double.isFinite(x0) || !Double.isFinite(y0) || !Double.isFinite(x1) || !Double.isFinite(y1)) {
                throw new IllegalArgumentException("prompt box must be finite");
            }
        }

        public static PromptBox of(Box box) {
            return new PromptBox(box.x0(), box.y0(), box.x1(), box.y1());
        }

        public Box toBox() {
            return new Box(x0, y0, x1, y1);
        }

        @JsonCreator
        static PromptBox fromArray(double[] corners) {
            if (corners == null || corners.length != 4) {
                throw new IllegalArgumentException("prompt box must be [x0, y0, x1, y1], got "
                        + (corners == null ? "null" : corners.length + " numbers"));
            }
            return new PromptBox(corners[0], corners[1], corners[2], corners[3]);
        }

        @JsonValue
        List<Number> toJson() {
            return List.of(CompactNumbers.compact(x0), CompactNumbers.compact(y0), CompactNumbers.compact(x1),
                    CompactNumbers.compact(y1));
        }
    }
}
