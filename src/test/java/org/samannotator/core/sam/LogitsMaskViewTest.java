package org.samannotator.core.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.samannotator.core.geometry.SamTransform;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.mask.MaskView;
import org.samannotator.core.mask.PixelRect;
import org.samannotator.core.prompt.LowResMask;

class LogitsMaskViewTest {
    /** Negative logits with a few positive blobs of random size and place (some at the borders). */
    private static LowResMask blobs(Random random, int count) {
        float[] logits = new float[LowResMask.SIZE * LowResMask.SIZE];
        Arrays.fill(logits, -3f - random.nextFloat());
        for (int b = 0; b < count; b++) {
            int w = 1 + random.nextInt(20);
            int h = 1 + random.nextInt(20);
            int x0 = random.nextInt(LowResMask.SIZE - w + 1);
            int y0 = random.nextInt(LowResMask.SIZE - h + 1);
            for (int y = y0; y < y0 + h; y++) {
                for (int x = x0; x < x0 + w; x++) {
                    logits[y * LowResMask.SIZE + x] = 0.5f + 8 * random.nextFloat();
                }
            }
        }
        return new LowResMask(logits);
    }

    @Test
    void boundsContainEveryPixelOfTheFullMaskAndAreTight() {
        Random random = new Random(11);
        Size[] sizes = {new Size(640, 480), new Size(481, 321), new Size(300, 1200), new Size(2000, 1500),
            new Size(97, 41)};
        for (int trial = 0; trial < 40; trial++) {
            Size size = sizes[trial % sizes.length];
            SamTransform transform = SamTransform.forImage(size);
            LowResMask lowRes = blobs(random, 1 + random.nextInt(3));
            BitMask full = MaskUpscaler.upscale(lowRes, transform);
            PixelRect box = full.boundingBox().orElse(null);
            PixelRect bounds = MaskUpscaler.positiveBounds(lowRes, transform).orElse(null);
            if (box == null) {
                continue;
            }
            assertTrue(bounds != null, "bounds missing for a non-empty mask, trial " + trial);
            assertTrue(bounds.x() <= box.x() && bounds.y() <= box.y()
                    && bounds.x() + bounds.width() >= box.x() + box.width()
                    && bounds.y() + bounds.height() >= box.y() + box.height(),
                    "trial " + trial + ": bounds " + bounds + " miss part of the mask's box " + box);
            // at most three low-res cells plus a few pixels wider on each side
            double cell = 4.0 * size.width() / transform.resized().width();
            double allowed = 2 * (8 + 3 * cell);
            assertTrue(bounds.width() - box.width() <= allowed && bounds.height() - box.height() <= allowed,
                    "bounds far larger than the mask: " + bounds + " vs " + box);
        }
    }

    @Test
    void noPositiveLogitMeansEmptyBounds() {
        float[] logits = new float[LowResMask.SIZE * LowResMask.SIZE];
        Arrays.fill(logits, -1f);
        assertTrue(MaskUpscaler.positiveBounds(new LowResMask(logits), SamTransform.forImage(new Size(64, 48)))
                .isEmpty());
    }

    @Test
    void samplesEqualTheFullMaskAtAnyGridAndTheMaskIsComputedOnce() {
        Random random = new Random(5);
        Size size = new Size(1200, 900);
        SamTransform transform = SamTransform.forImage(size);
        LowResMask lowRes = blobs(random, 4);
        LogitsMaskView view = new LogitsMaskView(lowRes, transform);
        BitMask full = MaskUpscaler.upscale(lowRes, transform);
        for (int trial = 0; trial < 5; trial++) {
            int[] xs = random.ints(1 + random.nextInt(300), 0, size.width()).sorted().toArray();
            int[] ys = random.ints(1 + random.nextInt(300), 0, size.height()).sorted().toArray();
            BitMask sampled = view.sample(xs, ys);
            assertEquals(new Size(xs.length, ys.length), sampled.size());
            assertEquals(MaskView.of(full).sample(xs, ys), sampled, "trial " + trial);
            for (int j = 0; j < ys.length; j += 7) {
                for (int i = 0; i < xs.length; i += 5) {
                    assertEquals(full.get(xs[i], ys[j]), sampled.get(i, j));
                }
            }
        }
        assertEquals(full, view.mask());
        assertSame(view.mask(), view.mask(), "computed once");
        assertEquals(size, view.size());
    }

    @Test
    void aDecoderCandidateIsShownFromItsLogits() {
        Random random = new Random(8);
        SamTransform transform = SamTransform.forImage(new Size(320, 240));
        LowResMask lowRes = blobs(random, 2);
        MaskCandidate candidate = MaskCandidate.ofLogits(lowRes, transform, 0.9f, 1);
        assertTrue(candidate.view() instanceof LogitsMaskView);
        assertEquals(MaskUpscaler.upscale(lowRes, transform), candidate.mask());
        assertFalse(MaskCandidate.deferred(transform.original(), () -> new BitMask(transform.original()), 0.5f,
                lowRes, 2).view() instanceof LogitsMaskView);
    }
}
