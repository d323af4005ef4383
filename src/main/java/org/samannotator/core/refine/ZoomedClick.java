package org.samannotator.core.refine;

import java.util.Optional;

/**
 * What {@link ZoomInClicks#predict} returns for one click.
 *
 * @param result        the click's result in the original image frame (masks at original size, low-res logits
 *                      in the image's low-res frame), as {@link ClickPredictor#predict} returns it
 * @param crop          the crop the click was decoded on, empty when it was decoded on the whole image
 * @param encoderCalls  encoder runs this click needed (1 when a new crop was encoded, else 0)
 * @param encoderMillis their wall time in milliseconds (0 without an encode)
 */
public record ZoomedClick(ClickResult result, Optional<ZoomCrop> crop, int encoderCalls, double encoderMillis) {
}
