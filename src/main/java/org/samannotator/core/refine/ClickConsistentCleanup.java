package org.samannotator.core.refine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.mask.ConnectedComponents;
import org.samannotator.core.mask.Connectivity;
import org.samannotator.core.prompt.PointLabel;
import org.samannotator.core.prompt.PromptPoint;

/**
 * Makes a mask (original size) consistent with the clicks that produced it, in this order:
 * <ol>
 * <li>drops every 8-connected foreground component that holds no positive click (kept: the component under
 *     each positive click); skipped when no positive click lies on the mask, so a miss never empties it;</li>
 * <li>fills every 4-connected background component that does not touch the image border, has fewer than
 *     {@code maxHoleArea} pixels and holds no negative click;</li>
 * <li>sets the pixel of every positive click and clears the pixel of every negative one (the last click on a
 *     pixel wins).</li>
 * </ol>
 * A click at (x, y) in original pixel coordinates (SAM's convention: the pixel index is the coordinate) is on
 * pixel (round x, round y), clamped to the image.
 */
public final class ClickConsistentCleanup {
    private ClickConsistentCleanup() {
    }

    /**
     * Hole bound of {@code cells} image-embedding cells: SAM's mask decoder upsamples a 64x64 embedding
     * without image features of finer resolution, so a hole smaller than one cell of that grid, (longest
     * side / 64)^2 original pixels, is not grounded in the image.
     */
    public static long holeAreaFor(Size original, double cells) {
        double cell = Math.max(original.width(), original.height()) / 64.0;
        return (long) Math.floor(cells * cell * cell);
    }

    /** A cleaned copy of {@code mask}; the input is not changed. */
    public static BitMask clean(BitMask mask, List<PromptPoint> clicks, long maxHoleArea) {
        BitMask result = keepClickedComponents(mask, clicks);
        result = fillHoles(result, clicks, maxHoleArea);
        for (PromptPoint click : clicks) {
            int[] pixel = pixelOf(click, mask.size());
            result.set(pixel[0], pixel[1], click.label() == PointLabel.FOREGROUND);
        }
        return result;
    }

    private static BitMask keepClickedComponents(BitMask mask, List<PromptPoint> clicks) {
        ConnectedComponents islands = ConnectedComponents.find(mask, true, Connectivity.EIGHT);
        Set<Integer> clicked = componentsUnder(islands, clicks, PointLabel.FOREGROUND, mask.size());
        BitMask result = mask.copy();
        if (!clicked.isEmpty()) {
            islands.paintWhere(c -> !clicked.contains(c), result, false);
        }
        return result;
    }

    private static BitMask fillHoles(BitMask mask, List<PromptPoint> clicks, long maxHoleArea) {
        if (maxHoleArea <= 0) {
            return mask;
        }
        ConnectedComponents holes = ConnectedComponents.find(mask, false, Connectivity.FOUR);
        Set<Integer> clicked = componentsUnder(holes, clicks, PointLabel.BACKGROUND, mask.size());
        holes.paintWhere(c -> !holes.touchesBorder(c) && holes.area(c) < maxHoleArea && !clicked.contains(c),
                mask, true);
        return mask;
    }

    private static Set<Integer> componentsUnder(ConnectedComponents components, List<PromptPoint> clicks,
            PointLabel label, Size size) {
        Set<Integer> found = new HashSet<>();
        for (PromptPoint click : clicks) {
            if (click.label() == label) {
                int[] pixel = pixelOf(click, size);
                int c = components.componentAt(pixel[0], pixel[1]);
                if (c >= 0) {
                    found.add(c);
                }
            }
        }
        return found;
    }

    /** The (x, y) pixel of a click: its coordinates rounded, clamped to the image. */
    static int[] pixelOf(PromptPoint click, Size size) {
        int x = (int) Math.round(click.position().x());
        int y = (int) Math.round(click.position().y());
        return new int[] {Math.max(0, Math.min(size.width() - 1, x)), Math.max(0, Math.min(size.height() - 1, y))};
    }
}
