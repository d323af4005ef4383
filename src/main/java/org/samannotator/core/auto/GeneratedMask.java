package org.samannotator.core.auto;

import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.mask.Rle;

/**
 * One mask of the automatic generator, as a record of SAM's {@code generate} output. Everything is in the
 * original image's pixels.
 *
 * @param rle            the mask, COCO RLE at the image size (bounded memory: never a float map)
 * @param box            SAM's inclusive XYXY box of the mask ({@link MaskBox}); {@code bbox} is its XYWH
 * @param area           pixel count of the mask
 * @param predictedIou   the decoder's predicted IoU
 * @param stabilityScore the stability score
 * @param point          the prompt point (x, y) that produced it
 * @param crop           the crop it was generated in
 */
public record GeneratedMask(Rle rle, MaskBox box, long area, double predictedIou, double stabilityScore,
        ImagePoint point, CropBox crop) {
}
