package org.samannotator.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.model.TestModels;
import org.samannotator.core.prompt.LowResMask;
import org.samannotator.core.sam.MaskCandidate;
import org.samannotator.core.sam.Prediction;
import org.samannotator.core.sam.SamPredictor;

/** The click protocol with the real default model on the generated benchmark image (known ground truth). */
class InteractiveEvaluationIT {
    private static final Size SIZE = new Size(320, 240);
    private static SamPredictor predictor;

    @TempDir
    Path root;

    @BeforeAll
    static void load() {
        predictor = SamPredictor.load(TestModels.defaultModel());
    }

    @AfterAll
    static void close() {
        predictor.close();
    }

    @Test
    void firstClickIsAtTheObjectCentreAndSegmentsIt() {
        GroundTruth truth = new GroundTruth(BenchmarkImages.syntheticObject(SIZE), new BitMask(SIZE));
        EvaluationSettings settings = new EvaluationSettings(3, true, true, 0);
        ImageResult result = new InteractiveEvaluation(predictor, settings)
                .evaluate("synthetic", BenchmarkImages.synthetic(SIZE), truth);
        SimulatedClick first = result.clicks().get(0);
        assertTrue(first.positive());
        assertEquals(160, first.x(), 2.0, "the ellipse centre column");
        assertEquals(3, result.curve().maxClicks());
        assertTrue(result.curve().iouAfterClick(1) >= 0.85, "IoU@1 " + result.curve().iouAfterClick(1));
        assertEquals(result.clicks().size(), result.predictMillis().size());
        assertEquals(result.clicks().size(), result.onnxDecoderMillis().size());
        assertTrue(result.encoderMillis() > 0);
        OracleFirstClick oracle = result.oracle().orElseThrow();
        assertEquals(result.curve().iouAfterClick(1), oracle.chosenIou(), 1e-12);
        assertTrue(oracle.bestIou() >= oracle.chosenIou());
    }

    @Test
    void runsOverADatasetFolderWithIgnoreBand() throws IOException {
        writeSample("obj", BenchmarkImages.synthetic(SIZE), BenchmarkImages.syntheticObject(SIZE));
        List<Integer> seen = new ArrayList<>();
        List<ImageResult> results = new InteractiveEvaluation(predictor, new EvaluationSettings(2, false, false, 0))
                .run(EvaluationDataset.list(root), (index, total, result) -> seen.add(total));
        assertEquals(List.of(1), seen);
        assertEquals("obj", results.get(0).name());
        assertEquals(SIZE, results.get(0).size());
        assertTrue(results.get(0).curve().iouAfterClick(2) >= 0.85);
        assertTrue(results.get(0).oracle().isEmpty());
    }

    @Test
    void maskOfAnotherSizeIsATypedError() throws IOException {
        writeSample("bad", BenchmarkImages.synthetic(SIZE), BenchmarkImages.syntheticObject(new Size(32, 24)));
        EvaluationDataException error = assertThrows(EvaluationDataException.class,
                () -> new InteractiveEvaluation(predictor, new EvaluationSettings(1, true, false, 0))
                        .run(EvaluationDataset.list(root), (index, total, result) -> { }));
        assertEquals(root.resolve("masks").resolve("bad.png"), error.file());
    }

    @Test
    void oracleFindsTheBestCandidate() {
        Size size = new Size(10, 10);
        BitMask object = BitMask.fromPredicate(size, (x, y) -> x < 5);
        GroundTruth truth = new GroundTruth(object, new BitMask(size));
        LowResMask logits = new LowResMask(new float[LowResMask.SIZE * LowResMask.SIZE]);
        MaskCandidate chosen = new MaskCandidate(BitMask.fromPredicate(size, (x, y) -> x < 2), 0.9f, logits, 1);
        MaskCandidate exact = new MaskCandidate(object.copy(), 0.5f, logits, 3);
        MaskCandidate larger = new MaskCandidate(BitMask.fromPredicate(size, (x, y) -> x < 8), 0.7f, logits, 2);
        OracleFirstClick oracle = InteractiveEvaluation.oracleOf(
                new Prediction(chosen, List.of(larger, exact), 1, 1).allCandidates(), truth, java.util.Map.of());
        assertEquals(new OracleFirstClick(0.4, 1, 1.0, 3), oracle);
    }

    /** Writes images/NAME.png and masks/NAME.png (255 object, a 128 band one pixel outside it, 0 elsewhere). */
    private void writeSample(String name, RgbImage image, BitMask object) throws IOException {
        Files.createDirectories(root.resolve("images"));
        Files.createDirectories(root.resolve("masks"));
        BufferedImage rgb = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, image.width(), image.height(), image.argb(), 0, image.width());
        ImageIO.write(rgb, "png", root.resolve("images").resolve(name + ".png").toFile());
        BufferedImage mask = new BufferedImage(object.width(), object.height(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < object.height(); y++) {
            for (int x = 0; x < object.width(); x++) {
                boolean band = !object.get(x, y) && x > 0 && object.get(x - 1, y);
                mask.getRaster().setSample(x, y, 0, object.get(x, y) ? 255 : band ? 128 : 0);
            }
        }
        ImageIO.write(mask, "png", root.resolve("masks").resolve(name + ".png").toFile());
    }
}
