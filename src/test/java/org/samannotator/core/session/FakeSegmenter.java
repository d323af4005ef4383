package org.samannotator.core.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.samannotator.core.embedding.EmbeddingData;
import org.samannotator.core.geometry.Box;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.mask.MaskView;
import org.samannotator.core.prompt.LowResMask;
import org.samannotator.core.prompt.PointLabel;
import org.samannotator.core.prompt.Prompt;
import org.samannotator.core.prompt.PromptPoint;
import org.samannotator.core.segment.EncodedImage;
import org.samannotator.core.segment.ProposedMask;
import org.samannotator.core.segment.Segmentation;
import org.samannotator.core.segment.Segmenter;

/**
 * A {@link Segmenter} for tests that needs no model files and answers in microseconds: it "encodes" by
 * keeping the pixels, and "decodes" a prompt by region growing: the 4-connected pixels whose colour is
 * within {@value #TOLERANCE} (per channel) of each foreground point's pixel, minus those grown from
 * background points, cut to the box (a box alone grows from its centre). A single point also gets two
 * alternatives: the region's bounding box and a 9x9 square around the point. On solid shapes (the
 * synthetic test images) this segments them exactly. Tests can hold decodes back ({@link #holdDecodes})
 * and make them fail ({@link #failDecodes}).
 */
public final class FakeSegmenter implements Segmenter {
    public static final String MODEL_ID = "fake-segmenter";
    static final int TOLERANCE = 24;

    public final AtomicInteger encodes = new AtomicInteger();
    public final AtomicInteger decodes = new AtomicInteger();
    public final List<String> decodeThreads = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Semaphore decodePermits = new Semaphore(Integer.MAX_VALUE);
    private volatile boolean failDecodes;
    private volatile boolean closed;

    /** Encoded pixels; closing marks it closed. */
    static final class FakeEncoding implements EncodedImage {
        final RgbImage image;
        volatile boolean closed;

        FakeEncoding(RgbImage image) {
            this.image = image;
        }

        @Override
        public Size imageSize() {
            return image.size();
        }

        @Override
        public EmbeddingData toData() {
            float[] values = new float[EmbeddingData.VALUE_COUNT];
            int[] argb = image.argb();
            if (argb.length * 3L > values.length) {
                throw new IllegalStateException("the fake segmenter caches images up to " + values.length / 3 + " pixels");
            }
            for (int i = 0; i < argb.length; i++) {
                values[3 * i] = argb[i] >> 16 & 255;
                values[3 * i + 1] = argb[i] >> 8 & 255;
                values[3 * i + 2] = argb[i] & 255;
            }
            return new EmbeddingData(MODEL_ID, image.size(), values);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** Decodes wait until {@link #releaseDecodes} (each release lets that many decodes run). */
    public void holdDecodes() {
        decodePermits.drainPermits();
    }

    public void releaseDecodes(int count) {
        decodePermits.release(count);
    }

    public void releaseAllDecodes() {
        decodePermits.release(Integer.MAX_VALUE / 2);
    }

    public void failDecodes(boolean fail) {
        failDecodes = fail;
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    @Override
    public EncodedImage encode(RgbImage image) {
        encodes.incrementAndGet();
        return new FakeEncoding(image);
    }

    @Override
    public EncodedImage restore(EmbeddingData data) {
        Size size = data.originalSize();
        int[] argb = new int[(int) size.area()];
        float[] v = data.values();
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xff000000 | (int) v[3 * i] << 16 | (int) v[3 * i + 1] << 8 | (int) v[3 * i + 2];
        }
        return new FakeEncoding(new RgbImage(size, argb));
    }

    @Override
    public Segmentation decode(EncodedImage encoded, Prompt prompt) {
        try {
            if (!decodePermits.tryAcquire(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("fake decode held for 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
        decodes.incrementAndGet();
        decodeThreads.add(Thread.currentThread().getName());
        if (failDecodes) {
            throw new IllegalStateException("fake decoder failure");
        }
        FakeEncoding encoding = (FakeEncoding) encoded;
        if (encoding.closed) {
            throw new IllegalStateException("decode on a closed encoding");
        }
        RgbImage image = encoding.image;
        BitMask mask = region(image, prompt);
        LowResMask lowRes = new LowResMask(new float[LowResMask.SIZE * LowResMask.SIZE]);
        List<ProposedMask> proposals = new ArrayList<>();
        proposals.add(ProposedMask.of(mask, 0.95f, lowRes, 1));
        if (prompt.points().size() == 1 && prompt.box().isEmpty()) {
            proposals.add(ProposedMask.of(MaskView.deferred(image.size(), () -> boundingBox(mask)), 0.8f, lowRes, 2));
            PromptPoint p = prompt.points().get(0);
            proposals.add(ProposedMask.of(square(image.size(), (int) p.position().x(), (int) p.position().y(), 4),
                    0.5f, lowRes, 3));
        }
        return new Segmentation(proposals, 0.1);
    }

    private static BitMask region(RgbImage image, Prompt prompt) {
        BitMask mask = new BitMask(image.size());
        List<PromptPoint> points = prompt.points();
        if (points.isEmpty() && prompt.box().isPresent()) {
            Box b = prompt.box().get();
            mask.or(grow(image, (int) ((b.x0() + b.x1()) / 2), (int) ((b.y0() + b.y1()) / 2)));
        }
        for (PromptPoint p : points) {
            BitMask grown = grow(image, (int) p.position().x(), (int) p.position().y());
            if (p.label() == PointLabel.FOREGROUND) {
                mask.or(grown);
            } else {
                mask.andNot(grown);
            }
        }
        prompt.box().ifPresent(b -> mask.andNot(BitMask.fromPredicate(image.size(),
                (x, y) -> x < b.x0() || y < b.y0() || x >= b.x1() || y >= b.y1())));
        return mask;
    }

    private static BitMask grow(RgbImage image, int seedX, int seedY) {
        Size size = image.size();
        BitMask grown = new BitMask(size);
        if (!size.contains(seedX, seedY)) {
            return grown;
        }
        int seed = image.argbAt(seedX, seedY);
        Deque<int[]> todo = new ArrayDeque<>();
        todo.add(new int[] {seedX, seedY});
        grown.set(seedX, seedY);
        while (!todo.isEmpty()) {
            int[] p = todo.poll();
            int[][] next = {{p[0] + 1, p[1]}, {p[0] - 1, p[1]}, {p[0], p[1] + 1}, {p[0], p[1] - 1}};
            for (int[] n : next) {
                if (size.contains(n[0], n[1]) && !grown.get(n[0], n[1]) && similar(seed, image.argbAt(n[0], n[1]))) {
                    grown.set(n[0], n[1]);
                    todo.add(n);
                }
            }
        }
        return grown;
    }

    private static boolean similar(int a, int b) {
        return Math.abs((a >> 16 & 255) - (b >> 16 & 255)) <= TOLERANCE
                && Math.abs((a >> 8 & 255) - (b >> 8 & 255)) <= TOLERANCE && Math.abs((a & 255) - (b & 255)) <= TOLERANCE;
    }

    private static BitMask boundingBox(BitMask mask) {
        return mask.boundingBox().map(r -> BitMask.fromPredicate(mask.size(),
                (x, y) -> x >= r.x() && y >= r.y() && x < r.x() + r.width() && y < r.y() + r.height()))
                .orElseGet(() -> new BitMask(mask.size()));
    }

    private static BitMask square(Size size, int cx, int cy, int half) {
        return BitMask.fromPredicate(size, (x, y) -> Math.abs(x - cx) <= half && Math.abs(y - cy) <= half);
    }

    @Override
    public void close() {
        closed = true;
    }
}
