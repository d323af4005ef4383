package org.samannotator.core.refine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.samannotator.core.geometry.Box;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.prompt.Prompt;
import org.samannotator.core.prompt.PromptPoint;

class ZoomCropTest {
    private static final Size IMAGE = new Size(1000, 800);

    /** A mask of {@code size} with the rectangle [x0, x0 + w) x [y0, y0 + h) set. */
    private static BitMask rect(Size size, int x0, int y0, int w, int h) {
        return BitMask.fromPredicate(size, (x, y) -> x >= x0 && x < x0 + w && y >= y0 && y < y0 + h);
    }

    @Test
    void aSmallObjectGetsTheMinimumSideCentredOnIt() {
        ZoomCrop crop = ZoomCrop.around(rect(IMAGE, 400, 300, 100, 50), List.of(), IMAGE).orElseThrow();
        assertEquals(new ZoomCrop(350, 225, 200, 200), crop);
    }

    @Test
    void aLargerObjectIsExpandedByTheRatioOnItsLongerSideAndShiftedIntoTheImage() {
        ZoomCrop crop = ZoomCrop.around(rect(IMAGE, 100, 100, 300, 200), List.of(), IMAGE).orElseThrow();
        // side 1.4 * 300 = 420 centred at (250, 200): y would start at -10, so it is shifted to 0
        assertEquals(new ZoomCrop(40, 0, 420, 420), crop);
    }

    @Test
    void aCropAtTheImageCornerIsShiftedInsideKeepingItsSize() {
        assertEquals(new ZoomCrop(0, 0, 200, 200),
                ZoomCrop.around(rect(IMAGE, 0, 0, 50, 50), List.of(), IMAGE).orElseThrow());
        assertEquals(new ZoomCrop(800, 600, 200, 200),
                ZoomCrop.around(rect(IMAGE, 970, 780, 30, 20), List.of(), IMAGE).orElseThrow());
    }

    @Test
    void aSideLongerThanTheImageIsCutToTheImage() {
        Size small = new Size(150, 120);
        assertEquals(new ZoomCrop(0, 0, 150, 120), ZoomCrop.around(rect(small, 60, 50, 10, 10), List.of(), small)
                .orElseThrow());
    }

    @Test
    void positiveClicksWidenTheBoxAndNegativeOnesDoNot() {
        BitMask empty = new BitMask(IMAGE);
        List<PromptPoint> clicks = List.of(PromptPoint.foreground(600, 500), PromptPoint.background(10, 10));
        ZoomCrop crop = ZoomCrop.around(empty, clicks, IMAGE).orElseThrow();
        assertEquals(200, crop.width());
        assertTrue(crop.contains(new ImagePoint(600, 500)));
        assertFalse(crop.contains(new ImagePoint(10, 10)));
        ZoomCrop withClick = ZoomCrop.around(rect(IMAGE, 400, 300, 100, 50),
                List.of(PromptPoint.foreground(799, 349)), IMAGE).orElseThrow();
        assertEquals(560, withClick.width(), "box 400..799 wide, times 1.4");
    }

    @Test
    void noMaskAndNoPositiveClickGivesNoCrop() {
        assertEquals(Optional.empty(), ZoomCrop.around(new BitMask(IMAGE), List.of(PromptPoint.background(5, 5)), IMAGE));
    }

    @Test
    void theGateOpensOnlyBelowHalfTheImage() {
        assertTrue(new ZoomCrop(0, 0, 200, 200).isSmallIn(IMAGE));
        assertTrue(new ZoomCrop(0, 0, 632, 632).isSmallIn(IMAGE), "399,424 of 800,000 pixels");
        assertFalse(new ZoomCrop(0, 0, 633, 633).isSmallIn(IMAGE), "400,689 of 800,000 pixels");
        Size small = new Size(300, 200);
        assertFalse(ZoomCrop.around(rect(small, 100, 80, 20, 20), List.of(), small).orElseThrow().isSmallIn(small));
    }

    @Test
    void recomputeWhenAPositiveClickLeavesTheCropOrTheOverlapDropsBelowHalf() {
        ZoomCrop current = new ZoomCrop(100, 100, 200, 200);
        ZoomCrop shifted50 = new ZoomCrop(150, 100, 200, 200);
        ZoomCrop shifted100 = new ZoomCrop(200, 100, 200, 200);
        assertEquals(0.6, current.iou(shifted50), 1e-12);
        assertFalse(current.shouldGiveWayTo(shifted50, PromptPoint.foreground(150, 150)));
        assertFalse(current.shouldGiveWayTo(shifted50, PromptPoint.background(350, 150)), "a negative click may leave");
        assertTrue(current.shouldGiveWayTo(shifted50, PromptPoint.foreground(300, 150)), "x 300 is past the crop");
        assertTrue(current.shouldGiveWayTo(shifted100, PromptPoint.foreground(150, 150)), "IoU 1/3");
    }

    @Test
    void pastingPutsTheCropMaskAtItsOffsetAndClearsEverythingElse() {
        Size image = new Size(10, 8);
        ZoomCrop crop = new ZoomCrop(3, 2, 5, 4);
        BitMask cropMask = rect(new Size(5, 4), 1, 1, 3, 2);
        BitMask pasted = crop.pasteInto(cropMask, image);
        assertEquals(rect(image, 4, 3, 3, 2), pasted);
        assertThrows(IllegalArgumentException.class, () -> crop.pasteInto(new BitMask(new Size(4, 4)), image));
        assertThrows(IllegalArgumentException.class, () -> crop.pasteInto(cropMask, new Size(7, 8)));
    }

    @Test
    void aPromptInTheCropIsTranslatedAndLeavesOutClicksOffTheCrop() {
        ZoomCrop crop = new ZoomCrop(100, 50, 200, 200);
        Prompt prompt = new Prompt(List.of(PromptPoint.foreground(150, 60), PromptPoint.background(20, 20)),
                Optional.of(new Box(90, 60, 200, 400)), Optional.empty());
        Prompt inCrop = crop.promptInCrop(prompt, null);
        assertEquals(List.of(PromptPoint.foreground(50, 10)), inCrop.points());
        assertEquals(new Box(0, 10, 100, 200), inCrop.box().orElseThrow());
        assertTrue(inCrop.previousMask().isEmpty());
    }

    @Test
    void theCropsPixelsAreTheImagesPixelsAtTheOffset() {
        Size size = new Size(7, 5);
        int[] argb = new int[size.width() * size.height()];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xFF000000 | i;
        }
        RgbImage cut = new ZoomCrop(2, 1, 4, 3).cropOf(new RgbImage(size, argb));
        assertEquals(new Size(4, 3), cut.size());
        assertEquals(0xFF000000 | (1 * 7 + 2), cut.argbAt(0, 0));
        assertEquals(0xFF000000 | (3 * 7 + 5), cut.argbAt(3, 2));
    }
}
