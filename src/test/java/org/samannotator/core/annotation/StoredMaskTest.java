package org.samannotator.core.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.mask.Rle;

class StoredMaskTest {
    private static final Size SIZE = new Size(64, 48);

    private static BitMask ring(int cx, int cy) {
        return BitMask.fromPredicate(SIZE, (x, y) -> {
            double r = Math.hypot(x - cx, y - cy);
            return r < 15 && r >= 6;
        });
    }

    @Test
    void compressedFormKeepsPixelsAreaAndBoundingBox() {
        BitMask mask = ring(30, 20);
        StoredMask stored = StoredMask.of(mask.copy(), new DecodedMasks(1 << 20));
        StoredMask read = StoredMask.fromCompressed(SIZE, stored.rle(), new DecodedMasks(1 << 20));

        assertEquals(Rle.encode(mask).toCompressedString(), stored.rle());
        assertEquals(mask, read.decode());
        assertEquals(mask.area(), read.area());
        assertEquals(mask.boundingBox(), read.boundingBox());
        assertEquals(stored, read);
        assertEquals(mask.get(30, 8), read.get(30, 8));
        assertFalse(read.get(0, 0));
    }

    @Test
    void emptyMaskHasNoBoundingBox() {
        StoredMask stored = StoredMask.of(new BitMask(SIZE), new DecodedMasks(1 << 20));
        assertEquals(0, stored.area());
        assertTrue(stored.boundingBox().isEmpty());
        assertFalse(stored.get(3, 3));
    }

    @Test
    void readingIsLazyAndAnEvictedMaskIsDecodedAgainIdentically() {
        long oneMask = DecodedMasks.weight(new BitMask(SIZE));
        DecodedMasks cache = new DecodedMasks(oneMask);
        BitMask first = ring(20, 20);
        BitMask second = ring(40, 25);
        StoredMask a = StoredMask.fromCompressed(SIZE, Rle.encode(first).toCompressedString(), cache);
        StoredMask b = StoredMask.fromCompressed(SIZE, Rle.encode(second).toCompressedString(), cache);
        assertEquals(0, cache.size(), "nothing is decoded when read");

        BitMask decodedA = a.decode();
        assertTrue(a.isDecoded());
        b.decode();
        assertFalse(a.isDecoded(), "the bound holds one mask: the older one left");
        assertTrue(cache.heldBytes() <= cache.maxBytes());

        BitMask again = a.decode();
        assertNotSame(decodedA, again);
        assertEquals(first, again);
    }

    @Test
    void shrinkingTheBoundEvictsAtOnce() {
        DecodedMasks cache = new DecodedMasks(1 << 20);
        StoredMask a = StoredMask.of(ring(20, 20), cache);
        StoredMask b = StoredMask.of(ring(40, 20), cache);
        assertEquals(2, cache.size());
        cache.setMaxBytes(DecodedMasks.weight(a.decode()));
        assertEquals(1, cache.size());
        assertEquals(ring(20, 20), a.decode());
        assertEquals(ring(40, 20), b.decode());
    }

    @Test
    void malformedOrMisSizedCountsAreRefusedWhenRead() {
        String rle = Rle.encode(ring(20, 20)).toCompressedString();
        assertThrows(IllegalArgumentException.class, () -> StoredMask.fromCompressed(new Size(65, 48), rle));
        assertThrows(IllegalArgumentException.class, () -> StoredMask.fromCompressed(SIZE, rle + "~"));
    }

    @Test
    void theDecodedPixelsOfAMaskNothingRefersToLeaveTheCache() throws Exception {
        DecodedMasks cache = new DecodedMasks(1 << 30);
        StoredMask kept = StoredMask.of(BitMask.fromPredicate(SIZE, (x, y) -> x < 3), cache);
        for (int i = 0; i < 50; i++) {
            int column = i % SIZE.width();
            StoredMask.of(BitMask.fromPredicate(SIZE, (x, y) -> x == column), cache); // dropped at once
        }
        for (int attempt = 0; attempt < 50 && cache.size() > 1; attempt++) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(1, cache.size(), "only the mask still referred to stays decoded");
        assertEquals(DecodedMasks.weight(kept.decode()), cache.heldBytes());
        assertTrue(cache.get(kept).isPresent());
    }
}
