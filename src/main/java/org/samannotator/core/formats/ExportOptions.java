package org.samannotator.core.formats;

/**
 * Options of an export.
 *
 * @param copyImages       copy the image files into the export (YOLO {@code images/}, VOC {@code JPEGImages/});
 *                         COCO and labelme refer to the images where they are and ignore it
 * @param polygonTolerance Douglas-Peucker tolerance in pixels for the polygon formats (yolo-seg, labelme);
 *                         0 keeps every pixel corner, so the polygons give back the masks exactly
 */
public record ExportOptions(boolean copyImages, double polygonTolerance) {
    public static final ExportOptions DEFAULT = new ExportOptions(false, 0);

    public ExportOptions {
        if (!(polygonTolerance >= 0) || Double.isInfinite(polygonTolerance)) {
            throw new IllegalArgumentException("polygon tolerance must be a finite number >= 0, got "
                    + polygonTolerance);
        }
    }
}
