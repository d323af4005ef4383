package org.samannotator.core.coco;

/** How a segmentation is written to COCO JSON: compressed RLE (the default) or keyholed polygons. */
public enum SegmentationEncoding {
    /** {@code {"size": [h, w], "counts": "<pycocotools compressed string>"}}; exact. */
    RLE,
    /** {@code [[x1, y1, x2, y2, ...], ...]}, one ring per part with holes joined by keyhole bridges. */
    POLYGONS
}
