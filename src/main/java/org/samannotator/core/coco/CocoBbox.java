package org.samannotator.core.coco;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Optional;
import org.samannotator.core.mask.PixelRect;

/**
 * COCO's bbox, written as the JSON array {@code [x, y, width, height]} in pixels (top-left corner of the
 * box in pixel-corner coordinates, so a box around the single pixel (3, 4) is [3, 4, 1, 1]).
 */
public record CocoBbox(double x, double y, double width, double height) {
    /** The all-zero box pycocotools reports for an empty mask. */
    public static final CocoBbox EMPTY = new CocoBbox(0, 0, 0, 0);

    public CocoBbox {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !(width >= 0) || !(height >= 0)
                || Double.isInfinite(width) || Double.isInfinite(height)) {
            throw new IllegalArgumentException("bbox must be finite with width, height >= 0, got ["
                    + x + ", " + y + ", " + width + ", " + height + "]");
        }
    }

    public static CocoBbox of(PixelRect rect) {
        return new CocoBbox(rect.x(), rect.y(), rect.width(), rect.height());
    }

    /** The box of a mask's bounding rectangle, or {@link #EMPTY} when the mask is empty. */
    public static CocoBbox of(Optional<PixelRect> rect) {
        return rect.map(CocoBbox::of).orElse(EMPTY);
    }

    @JsonCreator
    static CocoBbox fromArray(double[] xywh) {
        if (xywh == null || xywh.length != 4) {
            throw new IllegalArgumentException("bbox must be [x, y, width, height], got "
                    + (xywh == null ? "null" : xywh.length + " numbers"));
        }
        return new CocoBbox(xywh[0], xywh[1], xywh[2], xywh[3]);
    }

    /** JSON form; whole numbers are written without a fraction. */
    @JsonValue
    List<Number> toJson() {
        return List.of(CompactNumbers.compact(x), CompactNumbers.compact(y), CompactNumbers.compact(width),
                CompactNumbers.compact(height));
    }
}
