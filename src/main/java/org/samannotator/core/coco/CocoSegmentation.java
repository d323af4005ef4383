package org.samannotator.core.coco;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.mask.MaskPolygons;
import org.samannotator.core.mask.Polygon;
import org.samannotator.core.mask.PolygonRasterizer;
import org.samannotator.core.mask.Rle;

/**
 * A COCO annotation's "segmentation": either an RLE mask or a list of polygons (pixel-corner coordinates).
 * Read from any of COCO's three JSON forms (polygon list, RLE with compressed string counts, RLE with
 * uncompressed integer counts); RLE is always written compressed.
 */
@JsonSerialize(using = CocoSegmentationJson.Writer.class)
@JsonDeserialize(using = CocoSegmentationJson.Reader.class)
public sealed interface CocoSegmentation {

    /** The mask in an image of {@code imageSize}; an RLE must have that size. */
    BitMask toMask(Size imageSize);

    /** The same segmentation in the requested encoding (polygons from RLE use tolerance 0, so are exact). */
    CocoSegmentation encodedAs(SegmentationEncoding encoding, Size imageSize);

    static CocoSegmentation rle(BitMask mask) {
        return new RleSegmentation(Rle.encode(mask));
    }

    /** Keyholed polygons of the mask (see {@link MaskPolygons#toCocoPolygons}). */
    static CocoSegmentation polygons(BitMask mask, double tolerance) {
        return new PolygonSegmentation(MaskPolygons.toCocoPolygons(mask, tolerance));
    }

    /** An RLE segmentation; its size must equal the image's. */
    record RleSegmentation(Rle rle) implements CocoSegmentation {
        public RleSegmentation {
            if (rle == null) {
                throw new IllegalArgumentException("rle is required");
            }
        }

        @Override
        public BitMask toMask(Size imageSize) {
            if (!rle.size().equals(imageSize)) {
                throw new IllegalArgumentException("RLE size " + rle.size() + " differs from image size " + imageSize);
            }
            return rle.toMask();
        }

        @Override
        public CocoSegmentation encodedAs(SegmentationEncoding encoding, Size imageSize) {
            return encoding == SegmentationEncoding.RLE ? this : polygons(toMask(imageSize), 0);
        }
    }

    /**
     * Polygons filled as pycocotools does: each polygon on its own (even-odd), then united.
     *
     * @param polygons rings in pixel-corner coordinates
     */
    record PolygonSegmentation(List<Polygon> polygons) implements CocoSegmentation {
        public PolygonSegmentation {
            polygons = List.copyOf(polygons);
        }

        @Override
        public BitMask toMask(Size imageSize) {
            return PolygonRasterizer.fillEachAndUnite(imageSize, polygons);
        }

        @Override
        public CocoSegmentation encodedAs(SegmentationEncoding encoding, Size imageSize) {
            return encoding == SegmentationEncoding.POLYGONS ? this : rle(toMask(imageSize));
        }
    }
}
