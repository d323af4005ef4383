package org.samannotator.core.auto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.samannotator.core.geometry.Size;

/** segment-anything's amg utilities against hand-computed values. */
class AmgUtilitiesTest {
    @Test
    void pointGridIsCellCentresRowByRow() {
        assertArrayEquals(new double[] {0.5, 0.5}, PointGrid.build(1)[0]);
        double[][] two = PointGrid.build(2);
        assertArrayEquals(new double[] {0.25, 0.25}, two[0]);
        assertArrayEquals(new double[] {0.75, 0.25}, two[1]);
        assertArrayEquals(new double[] {0.25, 0.75}, two[2]);
        assertArrayEquals(new double[] {0.75, 0.75}, two[3]);
        double[][] four = PointGrid.build(4);
        assertEquals(0.125, four[0][0], 1e-12);
        assertEquals(0.375, four[1][0], 1e-12);
        assertEquals(0.875, four[15][1], 1e-12);
        assertEquals(1024, PointGrid.build(32).length);
    }

    @Test
    void layerGridsShrinkByTheDownscaleFactor() {
        List<double[][]> grids = PointGrid.allLayers(32, 2, 2);
        assertEquals(List.of(1024, 256, 64), grids.stream().map(g -> g.length).toList());
        assertEquals(3, PointGrid.allLayers(32, 2, 1).stream().filter(g -> g.length == 1024).count());
    }

    @Test
    void cropBoxesOfOneLayerAt640x480() {
        // short side 480: overlap = int(512/1500 * 480 * 1) = 163; crop w = ceil((163 + 640) / 2) = 402,
        // crop h = ceil((163 + 480) / 2) = 322; x0 = 0, 239; y0 = 0, 159; x0 outer, y0 inner
        List<CropBox> boxes = CropBoxes.generate(new Size(640, 480), 1, 512.0 / 1500);
        assertEquals(List.of(new CropBox(0, 0, 640, 480, 0), new CropBox(0, 0, 402, 322, 1),
                new CropBox(0, 159, 402, 480, 1), new CropBox(239, 0, 640, 322, 1), new CropBox(239, 159, 640, 480, 1)),
                boxes);
    }

    @Test
    void cropBoxesOfTwoLayersCount21() {
        List<CropBox> boxes = CropBoxes.generate(new Size(1000, 1000), 2, 512.0 / 1500);
        assertEquals(1 + 4 + 16, boxes.size());
        // layer 2: overlap = int(0.34133 * 1000 * 0.5) = 170; crop = ceil((170 * 3 + 1000) / 4) = 378; step 208
        assertEquals(new CropBox(0, 208, 378, 586, 2), boxes.get(6));
        assertEquals(new CropBox(624, 624, 1000, 1000, 2), boxes.get(20));
    }

    @Test
    void stabilityScoreIsTheRatioOfTheTwoCuts() {
        float[] logits = {2f, 0.5f, -0.5f, -2f, 1f, -1f};
        // > 1: {2}; > -1: {2, 0.5, -0.5, 1}
        assertEquals(0.25, StabilityScore.ofWindow(logits, 0, 3, 3, 2, 0f, 1f), 1e-12);
        assertEquals(1.0 / 3, StabilityScore.ofWindow(logits, 0, 3, 3, 1, 0f, 1f), 1e-12);
        assertTrue(Double.isNaN(StabilityScore.ofWindow(new float[] {-5f}, 0, 1, 1, 1, 0f, 1f)));
    }

    @Test
    void nmsSuppressesOnlyAboveTheThresholdAndReturnsByScore() {
        List<MaskBox> boxes = List.of(new MaskBox(0, 0, 10, 10), new MaskBox(1, 1, 11, 11), new MaskBox(0, 0, 10, 9),
                new MaskBox(0, 0, 10, 5));
        // IoU(0,1) = 81/119 = 0.68; IoU(0,2) = 90/100; IoU(0,3) = 0.5 exactly
        int[] keep = BoxNms.single(boxes, new double[] {0.9, 0.8, 0.95, 0.7}, 0.7);
        assertArrayEquals(new int[] {2, 1, 3}, keep);
        assertArrayEquals(new int[] {0, 1}, BoxNms.single(List.of(boxes.get(0), boxes.get(3)), new double[] {0.9, 0.8}, 0.5));
    }

    @Test
    void nmsTiesKeepTheFirstAndCategoriesDoNotSuppressEachOther() {
        List<MaskBox> same = List.of(new MaskBox(0, 0, 10, 10), new MaskBox(0, 0, 10, 10), new MaskBox(0, 0, 10, 10));
        assertArrayEquals(new int[] {0}, BoxNms.single(same, new double[] {0.5, 0.5, 0.5}, 0.7));
        assertArrayEquals(new int[] {0, 1}, BoxNms.batched(same, new double[] {0.5, 0.5, 0.5}, new int[] {0, 1, 0}, 0.7));
        // zero-area boxes (one-pixel masks) have IoU NaN and never suppress
        List<MaskBox> dots = List.of(new MaskBox(3, 3, 3, 3), new MaskBox(3, 3, 3, 3));
        assertArrayEquals(new int[] {0, 1}, BoxNms.single(dots, new double[] {1, 1}, 0.7));
    }

    @Test
    void maskBoxIsInclusiveAndXywhIsSamsDifference() {
        MaskBox box = MaskBox.of(java.util.Optional.of(new org.samannotator.core.mask.PixelRect(5, 7, 1, 1)));
        assertEquals(new MaskBox(5, 7, 5, 7), box);
        assertArrayEquals(new int[] {5, 7, 0, 0}, box.toXywh());
        assertEquals(MaskBox.EMPTY, MaskBox.of(java.util.Optional.empty()));
    }

    @Test
    void edgeFilterDropsBoxesAtInnerCropEdgesOnly() {
        Size image = new Size(640, 480);
        CropBox topLeft = new CropBox(0, 0, 402, 322, 1);
        assertTrue(CropEdges.isNearCropEdge(new MaskBox(100, 100, 390, 200), topLeft, image, 20));
        assertFalse(CropEdges.isNearCropEdge(new MaskBox(0, 0, 50, 50), topLeft, image, 20));
        assertFalse(CropEdges.isNearCropEdge(new MaskBox(100, 100, 200, 200), topLeft, image, 20));
        assertTrue(CropEdges.isNearCropEdge(new MaskBox(100, 100, 381, 200), topLeft, image, 21));
        assertFalse(CropEdges.isNearCropEdge(new MaskBox(100, 100, 381, 200), topLeft, image, 20));
        CropBox bottomRight = new CropBox(239, 159, 640, 480, 1);
        assertTrue(CropEdges.isNearCropEdge(new MaskBox(0, 10, 100, 100), bottomRight, image, 20));
        assertFalse(CropEdges.isNearCropEdge(new MaskBox(30, 30, 401, 321), bottomRight, image, 20));
        CropBox whole = CropBox.whole(image);
        assertFalse(CropEdges.isNearCropEdge(new MaskBox(0, 0, 639, 479), whole, image, 20));
    }
}
