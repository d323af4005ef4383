package org.samannotator.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.prompt.Prompt;
import org.samannotator.core.prompt.PromptPoint;

class OverlayRendererTest {
    @Test
    void tintsInsideOutlinesTheEdgeAndLeavesTheRest() {
        Size size = new Size(100, 80);
        int[] argb = new int[(int) size.area()];
        Arrays.fill(argb, 0xFF808080);
        BitMask mask = BitMask.fromPredicate(size, (x, y) -> x >= 20 && x < 60 && y >= 20 && y < 60);
        BufferedImage out = OverlayRenderer.render(new RgbImage(size, argb), mask,
                Prompt.ofPoints(List.of(PromptPoint.foreground(90, 70))));
        assertEquals(0x808080, out.getRGB(5, 5) & 0xFFFFFF, "outside untouched");
        assertEquals(0xFFFFFF, out.getRGB(20, 40) & 0xFFFFFF, "edge pixel is outline");
        int inside = out.getRGB(40, 40) & 0xFFFFFF;
        assertNotEquals(0x808080, inside);
        assertEquals(true, (inside & 0xFF) > ((inside >> 16) & 0xFF), "tinted towards blue");
    }
}
