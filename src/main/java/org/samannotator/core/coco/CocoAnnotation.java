package org.samannotator.core.coco;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;

/**
 * An entry of COCO's "annotations" list, with our optional extra keys (plain additional JSON keys, which
 * standard COCO readers such as pycocotools ignore; they are omitted when null).
 *
 * @param id           annotation id, unique in the dataset
 * @param imageId      id of the {@link CocoImage} (JSON "image_id")
 * @param categoryId   id of the {@link CocoCategory} (JSON "category_id")
 * @param segmentation the mask as RLE or polygons
 * @param area         foreground area in pixels, finite and &gt;= 0
 * @param bbox         [x, y, width, height] of the foreground in pixels
 * @param iscrowd      COCO's crowd flag, 0 or 1 (0 when missing on read)
 * @param prompts      extra "prompts": the SAM points/box that produced the mask, or null
 * @param predictedIou extra "predicted_iou": SAM's IoU estimate of the chosen mask, or null
 * @param secondsSpent extra "seconds_spent": annotator time on this object, or null
 * @param order        extra "order": position in the annotator's sequence for the image, or null
 * @param origin       extra "origin": "manual", "suggested" or "suggested_then_edited" (SAM data engine
 *                     stage of the object), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "image_id", "category_id", "segmentation", "area", "bbox", "iscrowd", "prompts",
        "predicted_iou", "seconds_spent", "order", "origin"})
public record CocoAnnotation(
        @JsonProperty(value = "id", required = true) long id,
        @JsonProperty(value = "image_id", required = true) long imageId,
        @JsonProperty(value = "category_id", required = true) long categoryId,
        @JsonProperty(value = "segmentation", required = true) CocoSegmentation segmentation,
        @JsonProperty(value = "area", required = true)
        @JsonSerialize(using = CompactNumbers.DoubleSerializer.class) double area,
        @JsonProperty(value = "bbox", required = true) CocoBbox bbox,
        @JsonProperty("iscrowd") int iscrowd,
        @JsonProperty("prompts") CocoPrompts prompts,
        @JsonProperty("predicted_iou") Double predictedIou,
        @JsonProperty("seconds_spent") Double secondsSpent,
        @JsonProperty("order") Integer order,
        @JsonProperty("origin") String origin) {
    public CocoAnnotation {
        if (segmentation == null) {
            throw new IllegalArgumentException("annotation " + id + " has no segmentation");
        }
        if (bbox == null) {
            throw new IllegalArgumentException("annotation " + id + " has no bbox");
        }
        if (!(area >= 0) || Double.isInfinite(area)) {
            throw new IllegalArgumentException("annotation " + id + " has invalid area " + area);
        }
        if (iscrowd != 0 && iscrowd != 1) {
            throw new IllegalArgumentException("annotation " + id + " has iscrowd " + iscrowd + "; must be 0 or 1");
        }
    }

    /** A non-crowd annotation of {@code mask} as compressed RLE; area = pixel count, bbox = mask bounds. */
    public static CocoAnnotation fromMask(long id, long imageId, long categoryId, BitMask mask) {
        return fromMask(id, imageId, categoryId, mask, SegmentationEncoding.RLE, 0);
    }

    /**
     * A non-crowd annotation of {@code mask}; area is the mask's pixel count and bbox its tight bounds
     * ([0, 0, 0, 0] when empty), whatever the encoding.
     *
     * @param polygonTolerance Douglas-Peucker tolerance in pixels for {@link SegmentationEncoding#POLYGONS}
     *                         (0 = exact); ignored for RLE
     */
    public static CocoAnnotation fromMask(long id, long imageId, long categoryId, BitMask mask,
            SegmentationEncoding encoding, double polygonTolerance) {
        CocoSegmentation segmentation = encoding == SegmentationEncoding.RLE
                ? CocoSegmentation.rle(mask)
                : CocoSegmentation.polygons(mask, polygonTolerance);
        return new CocoAnnotation(id, imageId, categoryId, segmentation, mask.area(),
                CocoBbox.of(mask.boundingBox()), 0, null, null, null, null, null);
    }

    /** The mask in an image of {@code imageSize} (see {@link CocoSegmentation#toMask}). */
    public BitMask toMask(Size imageSize) {
        return segmentation.toMask(imageSize);
    }

    public CocoAnnotation withId(long newId) {
        return new CocoAnnotation(newId, imageId, categoryId, segmentation, area, bbox, iscrowd, prompts,
                predictedIou, secondsSpent, order, origin);
    }

    public CocoAnnotation withCategoryId(long newCategoryId) {
        return new CocoAnnotation(id, imageId, newCategoryId, segmentation, area, bbox, iscrowd, prompts,
                predictedIou, secondsSpent, order, origin);
    }

    public CocoAnnotation withSegmentation(CocoSegmentation newSegmentation) {
        return new CocoAnnotation(id, imageId, categoryId, newSegmentation, area, bbox, iscrowd, prompts,
                predictedIou, secondsSpent, order, origin);
    }

    public CocoAnnotation withPrompts(CocoPrompts newPrompts) {
        return new CocoAnnotation(id, imageId, categoryId, segmentation, area, bbox, iscrowd, newPrompts,
                predictedIou, secondsSpent, order, origin);
    }

    public CocoAnnotation withPredictedIou(Double newPredictedIou) {
        return new CocoAnnotation(id, imageId, categoryId, segmentation, area, bbox, iscrowd, prompts,
                newPredictedIou, secondsSpent, order, origin);
    }

    public CocoAnnotation withSecondsSpent(Double newSecondsSpent) {
        return new CocoAnnotation(id, imageId, categoryId, segmentation, area, bbox, iscrowd, prompts,
                predictedIou, newSecondsSpent, order, origin);
    }

    public CocoAnnotation withOrder(Integer newOrder) {
        return new CocoAnnotation(id, imageId, categoryId, segmentation, area, bbox, iscrowd, prompts,
                predictedIou, secondsSpent, newOrder, origin);
    }

    public CocoAnnotation withOrigin(String newOrigin) {
        return new CocoAnnotation(id, imageId, categoryId, segmentation, area, bbox, iscrowd, prompts,
                predictedIou, secondsSpent, order, newOrigin);
    }
}
