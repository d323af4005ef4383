package org.samannotator.core.annotation;

/**
 * The distinct colours (0xRRGGBB) handed to new categories in turn, by the categories panel and by a COCO
 * import of categories without a "color".
 */
public final class CategoryPalette {
    private static final int[] COLOURS = {0xe6194b, 0x3cb44b, 0x4363d8, 0xf58231, 0x911eb4, 0x42d4f4, 0xf032e6,
        0xbfef45, 0xfabed4, 0x469990, 0xdcbeff, 0x9a6324, 0xffe119, 0x800000, 0xaaffc3, 0x000075};

    private CategoryPalette() {
    }

    /** The {@code index}-th colour (0-based), cycling through the palette; 0xRRGGBB. */
    public static int colour(int index) {
        return COLOURS[Math.floorMod(index, COLOURS.length)];
    }

    public static int size() {
        return COLOURS.length;
    }
}
