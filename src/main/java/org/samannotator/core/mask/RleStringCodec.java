package org.samannotator.core.mask;

import java.util.Arrays;

/**
 * The compressed string form of COCO RLE counts, exactly as pycocotools' {@code rleToString} /
 * {@code rleFrString} (maskApi.c): every count is written as a little-endian sequence of 5-bit chunks,
 * one ASCII character per chunk ({@code chunk + 48}, bit 0x20 set when another chunk follows, bit 0x10 of
 * the last chunk being the sign). Counts at index {@code i > 2} are stored as the difference
 * {@code counts[i] - counts[i - 2]}; the first three are stored as they are.
 */
final class RleStringCodec {
    private static final int OFFSET = 48;
    private static final int MORE_BIT = 0x20;
    private static final int SIGN_BIT = 0x10;
    private static final int CHUNK_MASK = 0x1f;
    private static final int MAX_CHUNKS = 13;

    private RleStringCodec() {
    }

    static String encode(long[] counts) {
        StringBuilder out = new StringBuilder(counts.length * 2);
        for (int i = 0; i < counts.length; i++) {
            long x = i > 2 ? counts[i] - counts[i - 2] : counts[i];
            boolean more = true;
            while (more) {
                int chunk = (int) (x & CHUNK_MASK);
                x >>= 5;
                more = (chunk & SIGN_BIT) != 0 ? x != -1 : x != 0;
                if (more) {
                    chunk |= MORE_BIT;
                }
                out.append((char) (chunk + OFFSET));
            }
        }
        return out.toString();
    }

    /**
     * Decodes a compressed counts string.
     *
     * @throws IllegalArgumentException on a character outside '0'..'o', a string ending in the middle of a
     *     count, or a decoded count that is negative
     */
    static long[] decode(String s) {
        long[] counts = new long[s.length()];
        int m = 0;
        int p = 0;
        while (p < s.length()) {
            long x = 0;
            int k = 0;
            boolean more = true;
            while (more) {
                if (p >= s.length()) {
                    throw new IllegalArgumentException("RLE string ends inside a count at character " + p);
                }
                int chunk = chunkAt(s, p);
                x |= (long) (chunk & CHUNK_MASK) << (5 * k);
                more = (chunk & MORE_BIT) != 0;
                p++;
                k++;
                if (k > MAX_CHUNKS) {
                    throw new IllegalArgumentException("RLE count too long at character " + p);
                }
                if (!more && (chunk & SIGN_BIT) != 0) {
                    x |= -1L << (5 * k);
                }
            }
            if (m > 2) {
                x += counts[m - 2];
            }
            if (x < 0) {
                throw new IllegalArgumentException("RLE count " + m + " decodes to negative value " + x);
            }
            counts[m++] = x;
        }
        return Arrays.copyOf(counts, m);
    }

    private static int chunkAt(String s, int p) {
        int chunk = s.charAt(p) - OFFSET;
        if (chunk < 0 || chunk > 0x3f) {
            throw new IllegalArgumentException("invalid RLE character '" + s.charAt(p) + "' at " + p);
        }
        return chunk;
    }
}
