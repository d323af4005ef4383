package org.samannotator.core.refine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.samannotator.core.eval.EvaluationDataset;
import org.samannotator.core.eval.GrabCutData;
import org.samannotator.core.image.ImageLoader;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.prompt.Prompt;
import org.samannotator.core.prompt.PromptPoint;
import org.samannotator.core.sam.SamPredictor;
import org.samannotator.core.segment.EncodedImage;
import org.samannotator.core.segment.ProposedMask;
import org.samannotator.core.segment.Segmentation;

/**
 * The app's segmenter picks up changed levers at the next click, without being reopened (as the Preferences
 * dialog changes them): on GrabCut-50's "memorial", whose first click is ambiguous, the model's own pick (the whole
 * picture, touching all four borders) and the figure-ground rule show different masks from the same segmenter and
 * encoding.
 */
class ClickSegmenterLeversIT {
    @Test
    void theNextDecodeUsesTheLeversSetSinceTheLastOne() throws Exception {
        EvaluationDataset.Sample sample = EvaluationDataset.list(GrabCutData.folder()).stream()
                .filter(s -> s.name().equals("memorial")).findFirst().orElseThrow();
        RgbImage image = ImageLoader.load(sample.image());
        AtomicReference<ClickLevers> levers = new AtomicReference<>(ClickLevers.plain());
        try (ClickSegmenter segmenter = new ClickSegmenter(
                SamPredictor.load(org.samannotator.core.model.TestModels.defaultModel()), levers::get)) {
            EncodedImage encoded = segmenter.encode(image);
            Prompt click = Prompt.ofPoints(List.of(PromptPoint.foreground(206, 298)));

            Segmentation plain = segmenter.decode(encoded, click);
            ProposedMask modelsPick = plain.proposals().stream()
                    .max(Comparator.comparingDouble(ProposedMask::predictedIou)).orElseThrow();
            assertEquals(modelsPick.predictedIou(), plain.first().predictedIou(), "the model's own pick first");

            levers.set(ClickLevers.appDefaults());
            assertEquals(ClickLevers.appDefaults(), segmenter.levers());
            Segmentation figureGround = segmenter.decode(encoded, click);
            assertNotEquals(plain.first().mask(), figureGround.first().mask(), "the change took effect");
            assertEquals(3, figureGround.proposals().size(), "Tab still cycles the model's three candidates");

            levers.set(ClickLevers.plain());
            assertEquals(plain.first().mask(), segmenter.decode(encoded, click).first().mask(), "and back");
        }
    }
}
