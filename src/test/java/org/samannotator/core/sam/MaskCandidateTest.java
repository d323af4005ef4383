package org.samannotator.core.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.prompt.LowResMask;

/** A deferred candidate computes its mask once, on first use, and equals the eager one. */
class MaskCandidateTest {
    private static final LowResMask LOGITS = new LowResMask(new float[256 * 256]);

    @Test
    void deferredMaskIsComputedOnceWhenFirstAskedFor() {
        BitMask mask = BitMask.fromPredicate(new Size(8, 6), (x, y) -> x > y);
        AtomicInteger computations = new AtomicInteger();
        MaskCandidate deferred = MaskCandidate.deferred(mask.size(), () -> {
            computations.incrementAndGet();
            return mask;
        }, 0.8f, LOGITS, 2);
        assertEquals(0, computations.get());
        assertEquals(0.8f, deferred.predictedIou());
        assertEquals(2, deferred.tokenIndex());
        assertEquals(0, computations.get(), "IoU and token need no mask");
        assertSame(mask, deferred.mask());
        assertSame(mask, deferred.mask());
        assertEquals(1, computations.get());
        assertEquals(new MaskCandidate(mask.copy(), 0.8f, LOGITS, 2), deferred);
    }
}
