package org.samannotator.gui.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.PixelRect;

/** {@link DetailPlan}: when a huge image needs detail, at which subsampling, and which region. */
class DetailPlanTest {
    private static final Size HUGE = new Size(20000, 20000);

    @Test
    void subsamplingShowsAtLeastOneDecodedPixelPerScreenPixel() {
        assertEquals(1, DetailPlan.subsamplingFor(4));
        assertEquals(1, DetailPlan.subsamplingFor(1));
        assertEquals(1, DetailPlan.subsamplingFor(0.6));
        assertEquals(2, DetailPlan.subsamplingFor(0.5));
        assertEquals(3, DetailPlan.subsamplingFor(0.3));
        assertEquals(10, DetailPlan.subsamplingFor(0.1));
        assertEquals(9, DetailPlan.subsamplingFor(0.11));
        assertEquals(50, DetailPlan.subsamplingFor(0.02));
    }

    @Test
    void theOverviewSufficesUntilAnOverviewPixelIsLargerThanAScreenPixel() {
        // overview of every 9th pixel: at zoom 1/9 one overview pixel is one screen pixel
        assertTrue(DetailPlan.plan(HUGE, 9, 1.0 / 9, 0, 0, 1600, 1000).isEmpty());
        assertTrue(DetailPlan.plan(HUGE, 9, 0.05, 0, 0, 1600, 1000).isEmpty());
        DetailPlan.Request request = DetailPlan.plan(HUGE, 9, 0.2, 0, 0, 1600, 1000).orElseThrow();
        assertEquals(5, request.subsampling());
    }

    @Test
    void theRegionHoldsTheVisiblePartWithAMarginAlignedToTheGrid() {
        double scale = 1;
        double tx = -10_123;
        double ty = -7_456;
        DetailPlan.Request request = DetailPlan.plan(HUGE, 9, scale, tx, ty, 1600, 1000).orElseThrow();
        PixelRect visible = DetailPlan.visible(HUGE, scale, tx, ty, 1600, 1000).orElseThrow();
        assertEquals(new PixelRect(10_123, 7_456, 1600, 1000), visible);
        assertEquals(1, request.subsampling());
        assertTrue(DetailPlan.contains(request.region(), visible));
        PixelRect r = request.region();
        assertEquals(0, r.x() % DetailPlan.GRID);
        assertEquals(0, r.y() % DetailPlan.GRID);
        assertTrue(r.x() <= visible.x() - 400 && r.x() + r.width() >= visible.x() + visible.width() + 400, "margin " + r);
        assertTrue(r.width() <= 1600 * 1.5 + 2 * DetailPlan.GRID, "bounded by the view, not the image: " + r);
        assertEquals(request.pixels(), (long) r.width() * r.height());
    }

    @Test
    void panningALittleAsksForTheSameRegion() {
        DetailPlan.Request a = DetailPlan.plan(HUGE, 9, 0.5, -5000, -5000, 1600, 1000).orElseThrow();
        DetailPlan.Request b = DetailPlan.plan(HUGE, 9, 0.5, -5002, -4999, 1600, 1000).orElseThrow();
        assertEquals(a, b);
        assertEquals(2, a.subsampling());
        assertEquals(0, a.region().x() % (2 * DetailPlan.GRID));
    }

    @Test
    void theRegionIsClippedToTheImageAndEmptyWhenNothingIsVisible() {
        DetailPlan.Request corner = DetailPlan.plan(HUGE, 9, 1, -19_500, -19_800, 1600, 1000).orElseThrow();
        PixelRect r = corner.region();
        assertEquals(20000, r.x() + r.width());
        assertEquals(20000, r.y() + r.height());
        assertTrue(DetailPlan.plan(HUGE, 9, 1, 500, 500 - 30_000, 1600, 1000).isEmpty(), "image below the view");
        assertEquals(new PixelRect(0, 0, 100, 100), DetailPlan.plan(new Size(100, 100), 9, 1, 0, 0, 1600, 1000)
                .orElseThrow().region(), "a small image is decoded whole");
    }
}
