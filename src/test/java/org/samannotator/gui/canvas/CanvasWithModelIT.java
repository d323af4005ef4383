package org.samannotator.gui.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.annotation.Candidate;
import org.samannotator.core.geometry.Box;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.mask.BitMask;
import org.samannotator.gui.AnnotatorHarness;
import org.samannotator.gui.SyntheticImages;

/** The canvas's candidate loop with the real SAM model (the manifest's default) on generated images. */
class CanvasWithModelIT {
    @TempDir
    Path root;

    @Test
    void aClickSegmentsTheDiscTabOffersTheModelsAlternativesAndABoxSegmentsTheRectangle() throws Exception {
        try (AnnotatorHarness h = AnnotatorHarness.createWithModel(root, 2).openAndWait()) {
            BitMask disc = AnnotatorHarness.disc(1, 640, 480);
            int[] c = SyntheticImages.discCentre(1);
            h.canvas().click(new ImagePoint(c[0], c[1]), false, 6);
            h.awaitDecoded();
            assertTrue(h.candidateMask().iou(disc) > 0.9, "disc IoU " + h.candidateMask().iou(disc));
            Candidate first = h.canvas().candidate().orElseThrow();
            assertEquals(3, first.alternatives().size(), "the patched decoder exposes whole / part / subpart");
            h.vm.cycleAlternative();
            assertEquals(1, h.canvas().candidate().orElseThrow().chosenIndex());
            assertTrue(h.vm.status().candidateProperty().get().startsWith("Mask 2/3"));
            h.vm.accept();
            assertEquals(1, h.canvas().current().objects().size());

            int[] r = SyntheticImages.rectangle(1);
            h.canvas().box(new Box(r[0] - 4, r[1] - 4, r[0] + r[2] + 4, r[1] + r[3] + 4));
            h.awaitDecoded();
            BitMask rectangle = AnnotatorHarness.rectangle(1, 640, 480);
            assertTrue(h.candidateMask().iou(rectangle) > 0.9, "rectangle IoU " + h.candidateMask().iou(rectangle));
            assertTrue(h.vm.status().decoderProperty().get().startsWith("decoder "), "decoder time shown");
        }
    }
}
