package org.samannotator.core.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.samannotator.core.geometry.Size;

/** The generator's logic on a decoder test double (two discs); the real model is in AutomaticMaskGeneratorIT. */
class AutomaticMaskGeneratorTest {
    private static final Size IMAGE = new Size(200, 150);
    private static final List<DiscsDecoder.Disc> DISCS = List.of(new DiscsDecoder.Disc(60, 70, 30),
            new DiscsDecoder.Disc(145, 80, 25));

    private static AmgResult generate(AmgSettings settings, DiscsDecoder decoder) {
        return new AutomaticMaskGenerator(settings).generate(decoder, IMAGE, AmgProgress.NONE, () -> false);
    }

    @Test
    void findsEachDiscOnceWithSamsRecordFields() {
        DiscsDecoder decoder = new DiscsDecoder(DISCS, 0.95f);
        AmgResult result = generate(AmgSettings.defaults().withPointsPerSide(16), decoder);
        assertEquals(2, result.masks().size(), result.masks().toString());
        for (DiscsDecoder.Disc disc : DISCS) {
            GeneratedMask m = result.masks().stream()
                    .filter(g -> disc.contains(g.point().x(), g.point().y())).findFirst().orElseThrow();
            assertEquals(Math.PI * disc.r() * disc.r(), m.area(), 0.08 * m.area());
            assertEquals(disc.cx() - disc.r(), m.box().x0(), 2);
            assertEquals(disc.cx() + disc.r(), m.box().x1(), 2);
            assertEquals(m.area(), m.rle().area());
            assertEquals(IMAGE, m.rle().size());
            assertTrue(m.stabilityScore() >= 0.95 && m.stabilityScore() <= 1, "stability " + m.stabilityScore());
            assertEquals(0.95, m.predictedIou(), 1e-6);
            assertEquals(CropBox.whole(IMAGE), m.crop());
        }
        assertEquals(256, result.stats().decoderCalls());
        assertEquals(256, result.stats().prompts());
    }

    @Test
    void lowPredictedIouIsFilteredOut() {
        assertEquals(0, generate(AmgSettings.defaults().withPointsPerSide(8), new DiscsDecoder(DISCS, 0.85f)).masks().size());
        AmgSettings lenient = AmgSettings.defaults().withPointsPerSide(8).withThresholds(0.8, 0.95, 0.7);
        assertEquals(2, generate(lenient, new DiscsDecoder(DISCS, 0.85f)).masks().size());
    }

    @Test
    void progressCountsEveryPromptUpToTheTotal() {
        List<int[]> reports = new ArrayList<>();
        new AutomaticMaskGenerator(AmgSettings.defaults().withPointsPerSide(10).withPointsPerBatch(30))
                .generate(new DiscsDecoder(DISCS, 0.95f), IMAGE, (done, total) -> reports.add(new int[] {done, total}), () -> false);
        assertEquals(List.of(30, 60, 90, 100), reports.stream().map(r -> r[0]).toList());
        assertTrue(reports.stream().allMatch(r -> r[1] == 100));
    }

    @Test
    void cancellationStopsBeforeTheNextBatch() {
        AtomicBoolean cancel = new AtomicBoolean();
        DiscsDecoder decoder = new DiscsDecoder(DISCS, 0.95f);
        AutomaticMaskGenerator generator = new AutomaticMaskGenerator(AmgSettings.defaults().withPointsPerSide(16));
        assertThrows(CancellationException.class,
                () -> generator.generate(decoder, IMAGE, (done, total) -> cancel.set(true), cancel::get));
        assertEquals(64, decoder.calls.get());
    }

    @Test
    void adaptiveModeSkipsCoveredPointsAndStillFindsBothDiscs() {
        DiscsDecoder full = new DiscsDecoder(DISCS, 0.95f);
        DiscsDecoder adaptive = new DiscsDecoder(DISCS, 0.95f);
        generate(AmgSettings.defaults().withPointsPerSide(16).withPointsPerBatch(8), full);
        AmgResult result = generate(AmgSettings.defaults().withPointsPerSide(16).withPointsPerBatch(8).withAdaptive(true),
                adaptive);
        assertEquals(2, result.masks().size());
        assertTrue(adaptive.calls.get() < full.calls.get(), adaptive.calls + " vs " + full.calls);
        assertEquals(adaptive.calls.get(), result.stats().decoderCalls());
    }

    @Test
    void cropLayersOpenEveryCropAndCropNmsKeepsOneMaskPerDisc() {
        DiscsDecoder decoder = new DiscsDecoder(DISCS, 0.95f);
        AmgResult result = generate(AmgSettings.defaults().withPointsPerSide(8).withCropLayers(1), decoder);
        assertEquals(CropBoxes.generate(IMAGE, 1, 512.0 / 1500), decoder.opened);
        assertEquals(2, result.masks().size(), result.masks().toString());
        assertEquals(5 * 64, result.stats().prompts());
        // a disc cut by an inner crop edge is dropped there; the masks that survive come from the smallest crop
        // that holds the disc whole, or from the whole image
        for (GeneratedMask m : result.masks()) {
            assertTrue(m.box().x0() >= m.crop().x0() && m.box().x1() < m.crop().x1(), m.toString());
        }
    }

    @Test
    void lowResStabilityPathKeepsTheSameMasksOnSteepLogits() {
        DiscsDecoder decoder = new DiscsDecoder(DISCS, 0.95f);
        RecordingCropDecoders recording = new RecordingCropDecoders(decoder);
        AmgSettings settings = AmgSettings.defaults().withPointsPerSide(8);
        AmgResult exact = new AutomaticMaskGenerator(settings).generate(recording, IMAGE, AmgProgress.NONE, () -> false);
        AmgResult lowRes = new AutomaticMaskGenerator(settings.withStabilityOnLowRes(true))
                .generate(recording.replay(), IMAGE, AmgProgress.NONE, () -> false);
        MaskSetAgreement agreement = MaskSetAgreement.of(exact.masks(), lowRes.masks());
        assertEquals(2, agreement.matched());
        assertEquals(64, decoder.calls.get(), "the replay must not call the decoder");
    }

    @Test
    void smallRegionPostprocessPrefersTheUnchangedDuplicateAndUpdatesChangedMasks() {
        org.samannotator.core.mask.BitMask disc = new org.samannotator.core.mask.BitMask(IMAGE);
        for (int y = 40; y < 100; y++) {
            disc.setRun(y, 30, 90, true);
        }
        org.samannotator.core.mask.BitMask withIsland = disc.copy();
        withIsland.set(150, 140);
        org.samannotator.core.mask.BitMask withHole = new org.samannotator.core.mask.BitMask(IMAGE);
        for (int y = 10; y < 30; y++) {
            withHole.setRun(y, 120, 190, true);
        }
        withHole.set(150, 20, false);
        List<GeneratedMask> masks = List.of(mask(withIsland, 0.99), mask(disc, 0.90), mask(withHole, 0.95));
        List<GeneratedMask> out = SmallRegionPostprocess.apply(masks, 10, 0.7);
        assertEquals(2, out.size(), out.toString());
        assertEquals(0.90, out.get(0).predictedIou(), 1e-9, "the unchanged disc wins over the changed duplicate");
        GeneratedMask filled = out.get(1);
        assertEquals(70 * 20, filled.area());
        assertTrue(filled.rle().toMask().get(150, 20));
    }

    private static GeneratedMask mask(org.samannotator.core.mask.BitMask m, double iou) {
        org.samannotator.core.mask.Rle rle = org.samannotator.core.mask.Rle.encode(m);
        return new GeneratedMask(rle, MaskBox.of(m.boundingBox()), rle.area(), iou, 0.97,
                new org.samannotator.core.geometry.ImagePoint(1, 1), CropBox.whole(IMAGE));
    }
}
