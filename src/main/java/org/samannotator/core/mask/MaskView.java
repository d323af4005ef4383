package org.samannotator.core.mask;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.samannotator.core.geometry.Size;

/**
 * A binary mask at ORIGINAL image size that can be looked at through a window without being computed
 * whole: the canvas samples the visible part at screen resolution ({@link #sample}) while the full mask
 * (tens of milliseconds for 12 megapixels) is computed off the critical path. A view over a computed mask
 * is {@link #of(BitMask)}; the model's proposals provide views that sample their low-res logits directly.
 */
public interface MaskView {

    /** The mask's size (width, height) = the original image's. */
    Size size();

    /**
     * A rectangle (x, y, width, height) in original pixels outside which no pixel is set, clipped to the
     * image; it may be larger than the mask's bounding box. Empty when the mask is certainly empty.
     */
    Optional<PixelRect> bounds();

    /**
     * The mask at the grid of original pixels {@code xs} (columns) x {@code ys} (rows): pixel (i, j) of the
     * result, of size (xs.length, ys.length), is the mask at (xs[i], ys[j]). Every position must lie inside
     * the image; rows are best given in non-decreasing order (repeated rows are computed once).
     */
    BitMask sample(int[] xs, int[] ys);

    /** The full mask, computed now if needed. */
    BitMask mask();

    /** A view over an already computed mask. */
    static MaskView of(BitMask mask) {
        return new Computed(mask);
    }

    /** A view whose mask {@code mask.get()} computes on first use (once, thread-safely). */
    static MaskView deferred(Size size, Supplier<BitMask> mask) {
        return new Deferred(size, mask);
    }

    /**
     * The original pixel under the centre of each of {@code count} equal output pixels spanning
     * [start, start + length): index floor(start + (i + 0.5) * length / count), exact in integers.
     */
    static int[] centresOf(int start, int length, int count) {
        int[] positions = new int[count];
        for (int i = 0; i < count; i++) {
            long numerator = (2L * i + 1) * length;
            positions[i] = start + (int) Math.min(length - 1, numerator / (2L * count));
        }
        return positions;
    }

    /** A view computed on first use; sampling it computes the whole mask. */
    final class Deferred implements MaskView {
        private final Size size;
        private Supplier<BitMask> pending;
        private Computed computed;

        private Deferred(Size size, Supplier<BitMask> pending) {
            this.size = Objects.requireNonNull(size, "size");
            this.pending = Objects.requireNonNull(pending, "mask");
        }

        @Override
        public Size size() {
            return size;
        }

        @Override
        public Optional<PixelRect> bounds() {
            return computed().bounds();
        }

        @Override
        public BitMask sample(int[] xs, int[] ys) {
            return computed().sample(xs, ys);
        }

        @Override
        public BitMask mask() {
            return computed().mask();
        }

        private synchronized Computed computed() {
            if (computed == null) {
                computed = new Computed(Objects.requireNonNull(pending.get(), "deferred mask"));
                pending = null;
            }
            return computed;
        }
    }

    /** A view over a mask that exists. */
    record Computed(BitMask mask) implements MaskView {
        public Computed {
            Objects.requireNonNull(mask, "mask");
        }

        @Override
        public Size size() {
            return mask.size();
        }

        @Override
        public Optional<PixelRect> bounds() {
            return mask.boundingBox();
        }

        @Override
        public BitMask sample(int[] xs, int[] ys) {
            BitMask out = new BitMask(new Size(xs.length, ys.length));
            long[] row = new long[(mask.width() + 63) >>> 6];
            for (int j = 0; j < ys.length; j++) {
                if (j == 0 || ys[j] != ys[j - 1]) {
                    mask.copyRow(ys[j], row);
                }
                for (int i = 0; i < xs.length; i++) {
                    if ((row[xs[i] >>> 6] >>> (xs[i] & 63) & 1L) != 0) {
                        out.set(i, j);
                    }
                }
            }
            return out;
        }
    }
}
