package org.samannotator.core.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.mask.BitMask;

class BenchmarkTest {
    private static final Size SIZE = new Size(64, 48);

    @Test
    void syntheticImageIsDeterministicWithADistinctObject() {
        RgbImage image = BenchmarkImages.synthetic(SIZE);
        assertArrayEquals(image.argb(), BenchmarkImages.synthetic(SIZE).argb());
        BitMask object = BenchmarkImages.syntheticObject(SIZE);
        double objectRed = meanRed(image, object, true);
        double backgroundRed = meanRed(image, object, false);
        assertTrue(objectRed > backgroundRed + 80, objectRed + " vs " + backgroundRed);
        double fraction = (double) object.area() / SIZE.area();
        assertEquals(Math.PI * 0.20 * 0.27, fraction, 0.02);
    }

    @Test
    void promptsSitInsideTheObjectAndScaleWithTheImage() {
        List<BenchmarkImages.PromptCase> prompts = BenchmarkImages.prompts(new Size(640, 480));
        assertEquals(List.of("1 point", "3 points", "6 points", "box", "1 point + mask"),
                prompts.stream().map(BenchmarkImages.PromptCase::name).toList());
        BitMask object = BenchmarkImages.syntheticObject(new Size(640, 480));
        prompts.stream().flatMap(p -> p.prompt().points().stream()).forEach(point -> assertEquals(
                point.label() == org.samannotator.core.prompt.PointLabel.FOREGROUND,
                object.get((int) point.position().x(), (int) point.position().y()), point.toString()));
        assertEquals(6, prompts.get(2).prompt().points().size());
        assertTrue(prompts.get(3).prompt().box().isPresent());
        assertTrue(prompts.get(4).feedPreviousMask());
        double large = BenchmarkImages.prompts(new Size(4000, 3000)).get(0).prompt().points().get(0).position().x();
        assertEquals(2000, large, 1e-9);
    }

    @Test
    void resizingKeepsColoursAndReachesTheTargetSize() {
        RgbImage image = new RgbImage(new Size(2, 1), new int[] {0xFF102030, 0xFF102030});
        RgbImage larger = BenchmarkImages.resized(image, new Size(8, 6));
        assertEquals(new Size(8, 6), larger.size());
        assertEquals(0xFF102030, larger.argbAt(5, 3));
    }

    @Test
    void reportJsonHasHeadlineKeys() {
        LatencyStats stats = LatencyStats.of(new double[] {1, 2, 3});
        SamBenchmark.EncoderResult encoder = new SamBenchmark.EncoderResult(stats, stats, stats);
        SamBenchmark.DecoderResult decoder = new SamBenchmark.DecoderResult("1 point", stats,
                LatencyStats.of(new double[] {1, 1, 1}), stats);
        SamBenchmark.ImageBenchmark image = new SamBenchmark.ImageBenchmark("640x480", new Size(640, 480), encoder,
                List.of(decoder));
        BenchmarkReport report = new BenchmarkReport("m", 12.5, new SamBenchmark.Settings(1, 5, 20, 200),
                List.of(image), 5_000_000, OptionalLong.of(9_000_000));
        Map<String, Object> json = report.toJson();
        @SuppressWarnings("unchecked")
        Map<String, Object> decoderMs = (Map<String, Object>) json.get("decoder_ms");
        assertEquals(2.0, decoderMs.get("median"));
        assertTrue(decoderMs.containsKey("p95") && decoderMs.containsKey("p99"));
        @SuppressWarnings("unchecked")
        Map<String, Object> encoderMs = (Map<String, Object>) json.get("encoder_ms");
        assertEquals(2.0, encoderMs.get("median"));
        assertEquals(0.5, (double) json.get("decoder_onnx_to_total_ratio"), 1e-12);
        assertTrue(((Map<?, ?>) json.get("images")).containsKey("640x480"));
        assertEquals(9.0, ((Map<?, ?>) json.get("memory")).get("peak_rss_mb"));
    }

    @Test
    void memorySamplerSeesTheHeap() {
        try (PeakMemorySampler sampler = new PeakMemorySampler(5)) {
            sampler.sample();
            assertTrue(sampler.maxUsedHeapBytes() > 0);
        }
        OptionalLong rss = PeakMemorySampler.processPeakRssBytes();
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertNotEquals(OptionalLong.empty(), rss);
            assertTrue(rss.getAsLong() > 1_000_000);
        }
    }

    private static double meanRed(RgbImage image, BitMask object, boolean inside) {
        double sum = 0;
        int count = 0;
        for (int y = 0; y < SIZE.height(); y++) {
            for (int x = 0; x < SIZE.width(); x++) {
                if (object.get(x, y) == inside) {
                    sum += (image.argbAt(x, y) >> 16) & 0xFF;
                    count++;
                }
            }
        }
        return sum / count;
    }
}
