package org.samannotator.core.formats;

import java.util.Objects;
import org.samannotator.core.coco.SegmentationEncoding;

/**
 * Options of an export.
 *
 * @param copyImages       copy the image files into the export (YOLO {@code images/}, VOC {@code JPEGImages/});
 *                         COCO and labelme refer to the images where they are and ignore it
 * @param polygonTolerance Douglas-Peucker tolerance in pixels for the polygon formats (yolo-seg, labelme);
 *                         0 keeps every pixel corner, so the polygons give back the masks exactly
 * @param cocoEncoding     how COCO writes the masks: compressed RLE (pixel-exact, the default, as SA-1B) or
 *                         polygons with holes; the other formats ignore it
 */
public record ExportOptions(boolean copyImages, double polygonTolerance, SegmentationEncoding cocoEncoding) {
    public static final ExportOptions DEFAULT = new ExportOptions(false, 0);

    /** Options with COCO masks as RLE. */
    public ExportOptions(boolean copyImages, double polygonTolerance) {
        this(copyImages, polygonTolerance, SegmentationEncoding.RLE);
    }

    public ExportOptions {
        Objects.requireNonNull(cocoEncoding, "cocoEncoding");
        if (!(polygonTolerance >= 0) || Double.isInfinite(polygonTolerance)) {
            throw new IllegalArgumentException("polygon tolerance must be a finite number >= 0, got "
                    + polygonTolerance);
        }
    }
}
