package org.samannotator.core.mask;

/** An integer pixel rectangle (x, y, width, height), as COCO's bbox. */
public record PixelRect(int x, int y, int width, int height) {
}
