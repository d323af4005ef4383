package org.samannotator.gui.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;

/**
 * {@link ScreenObjectsLayer} against the image-size rendering it replaces for huge images (what
 * {@link MaskLayer} holds: each mask painted by {@link MaskRaster} into one buffer of the image's size, in
 * order), pixel for pixel where the two must agree: zoom 1 and integer zooms.
 */
class ScreenObjectsLayerTest {
    private static final Size SIZE = new Size(150, 97);

    /** Two overlapping objects (disc, then a ring over it with a transparent fill) and a thin bar at the border. */
    private static List<MaskPaint> paints(int outline) {
        BitMask disc = BitMask.fromPredicate(SIZE, (x, y) -> (x - 60) * (x - 60) + (y - 45) * (y - 45) < 30 * 30);
        BitMask ring = BitMask.fromPredicate(SIZE, (x, y) -> {
            int d = (x - 85) * (x - 85) + (y - 50) * (y - 50);
            return d < 25 * 25 && d > 9 * 9;
        });
        BitMask bar = BitMask.fromPredicate(SIZE, (x, y) -> y >= 90 || x == 149);
        return List.of(new MaskPaint(disc, 0x801E90FF, 0xFFFFFFFF, outline),
                new MaskPaint(ring, 0, 0xF000E5FF, outline),
                new MaskPaint(bar, 0x66FF0000, 0xFF00FF00, outline));
    }

    /** The old full-size rendering. */
    private static int[] imageSizeLayer(List<MaskPaint> paints) {
        int[] buffer = new int[(int) SIZE.area()];
        for (MaskPaint p : paints) {
            MaskRaster.paint(p.mask(), buffer, MaskLayer.premultiplied(p.fillArgb()),
                    MaskLayer.premultiplied(p.outlineArgb()), p.outlineWidth());
        }
        return buffer;
    }

    @Test
    void atZoomOneItIsTheImageSizeLayerShiftedByThePan() {
        List<MaskPaint> paints = paints(2);
        int[] expected = imageSizeLayer(paints);
        Viewport view = new Viewport();
        view.pan(7, -5);
        int width = 170;
        int height = 90;
        int[] screen = new ScreenObjectsLayer().render(paints, view, width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int ix = x - 7;
                int iy = y + 5;
                int want = ix >= 0 && ix < SIZE.width() && iy < SIZE.height() ? expected[iy * SIZE.width() + ix] : 0;
                assertEquals(want, screen[y * width + x], "screen pixel " + x + "," + y);
            }
        }
    }

    @Test
    void atAnIntegerZoomEachScreenPixelShowsTheImagePixelUnderIt() {
        List<MaskPaint> paints = paints(1);
        int[] expected = imageSizeLayer(paints);
        Viewport view = new Viewport();
        view.zoomAt(3, 0, 0);
        int width = 3 * SIZE.width();
        int height = 3 * SIZE.height();
        int[] screen = new ScreenObjectsLayer().render(paints, view, width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                assertEquals(expected[y / 3 * SIZE.width() + x / 3], screen[y * width + x], "screen pixel " + x + "," + y);
            }
        }
    }

    @Test
    void nothingVisibleRendersNothingAndOutlinesStayVisibleWhenZoomedOut() {
        Viewport view = new Viewport();
        view.pan(-1000, 0);
        assertNull(new ScreenObjectsLayer().render(paints(2), view, 100, 100));
        assertEquals(2, ScreenObjectsLayer.screenOutline(2, 0.05));
        assertEquals(2, ScreenObjectsLayer.screenOutline(2, 1));
        assertEquals(7, ScreenObjectsLayer.screenOutline(1, 7));
        assertEquals(40, ScreenObjectsLayer.screenOutline(1, 40));
        assertEquals(63, ScreenObjectsLayer.screenOutline(2, 40));
    }
}
