package org.samannotator.core.refine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.samannotator.core.eval.EvaluationDataset;
import org.samannotator.core.eval.GrabCutData;
import org.samannotator.core.eval.GroundTruth;
import org.samannotator.core.eval.GroundTruthReader;
import org.samannotator.core.image.ImageLoader;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.model.TestModels;
import org.samannotator.core.prompt.LowResMask;
import org.samannotator.core.prompt.Prompt;
import org.samannotator.core.prompt.PromptPoint;
import org.samannotator.core.sam.ImageEmbedding;
import org.samannotator.core.sam.SamPredictor;

/**
 * With every lever off ({@link ClickLevers#plain()}) the masks stay exactly those of the standard protocol
 * before the levers existed: three GrabCut-50 images, the first five clicks the protocol's clicker made there
 * (original pixel indices; + positive, - negative), each prompt with all clicks so far and the previous
 * low-res mask, and the IoUs that code measured (committed below). The tolerance 1e-4 allows for ONNX
 * Runtime's floating-point differences between CPUs (a few pixels); any change of a decision moves an IoU
 * by far more.
 */
class PlainClickRegressionIT {
    private static SamPredictor predictor;

    record Expected(String name, int[][] clicks, double[] ious) {
    }

    static List<Expected> images() {
        return List.of(
                new Expected("106024", new int[][] {{230, 210, 1}, {273, 256, 1}, {238, 284, 0}, {242, 288, 0},
                        {202, 289, 1}},
                        new double[] {0.9186561829878485, 0.9482832312295199, 0.945088161209068, 0.9426324144898254,
                            0.9410365458084048}),
                new Expected("124084", new int[][] {{297, 177, 1}, {134, 135, 1}, {253, 305, 0}, {351, 85, 0},
                        {175, 215, 0}},
                        new double[] {0.060313878346497075, 0.9684966812088751, 0.9713386876975267,
                            0.9720708545853496, 0.9724466180516135}),
                new Expected("memorial", new int[][] {{206, 298, 1}, {337, 110, 0}, {114, 249, 1}, {203, 460, 1},
                        {136, 220, 1}},
                        new double[] {0.1968712138253831, 0.5014317467310119, 0.8821330184966548, 0.8964341552545821,
                            0.9310501076162067}));
    }

    @BeforeAll
    static void load() {
        predictor = SamPredictor.load(TestModels.defaultModel());
    }

    @AfterAll
    static void close() {
        predictor.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void plainLeversGiveTodaysIous(Expected expected) throws IOException {
        EvaluationDataset.Sample sample = EvaluationDataset.list(GrabCutData.folder()).stream()
                .filter(s -> s.name().equals(expected.name())).findFirst().orElseThrow();
        RgbImage image = ImageLoader.load(sample.image());
        GroundTruth truth = GroundTruthReader.read(sample.mask());
        ClickPredictor clicks = new ClickPredictor(predictor);
        try (ImageEmbedding embedding = predictor.encode(image)) {
            List<PromptPoint> points = new ArrayList<>();
            LowResMask previous = null;
            for (int k = 0; k < expected.clicks().length; k++) {
                int[] c = expected.clicks()[k];
                points.add(c[2] == 1 ? PromptPoint.foreground(c[0], c[1]) : PromptPoint.background(c[0], c[1]));
                Prompt prompt = previous == null ? Prompt.ofPoints(points) : Prompt.ofPoints(points).withPreviousMask(previous);
                ClickResult result = clicks.predict(embedding, prompt, image, ClickLevers.plain());
                assertEquals(1, result.decoderCalls());
                assertSame(result.shown(), result.candidates().get(0));
                assertEquals(expected.ious()[k], truth.iou(result.shown().mask()), 1e-4,
                        expected.name() + " IoU after click " + (k + 1));
                previous = result.shown().lowRes();
            }
        }
    }
}
