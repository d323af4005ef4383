package org.samannotator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.samannotator.core.model.InstalledModel;
import org.samannotator.core.model.ModelDirectory;
import org.samannotator.core.model.ModelEntry;
import org.samannotator.core.model.ModelManifest;
import org.samannotator.core.model.ModelStore;
import org.samannotator.core.prompt.Prompt;
import org.samannotator.core.prompt.PromptPoint;
import org.samannotator.core.sam.EncodeTimings;
import org.samannotator.core.sam.ImageEmbedding;
import org.samannotator.core.sam.Prediction;
import org.samannotator.core.sam.SamPredictor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code selftest}: checks that this installation can segment, without a display. Loads the default model
 * (fetching it first unless {@code --offline}), encodes a generated 640x480 scene (an orange ellipse on a
 * textured background), decodes one foreground click at the ellipse centre and requires the chosen mask to
 * overlap the drawn ellipse with IoU >= {@value #MIN_IOU}. Prints the timings; exit code 0 when everything
 * passed, 1 with a one-line reason otherwise.
 */
@Command(name = "selftest", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Load the default model, segment a generated image with one click and print the timings.")
final class SelftestCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(SelftestCommand.class);

    /** The least IoU between the predicted mask and the drawn object that counts as a working pipeline. */
    static final double MIN_IOU = 0.8;

    @Spec
    CommandSpec spec;

    @Mixin
    ModelsDirOption directoryOption;

    @Option(names = "--offline", description = "Fail instead of downloading when the model is not installed "
            + "(packaged apps ship the default model).")
    boolean offline;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        long started = System.nanoTime();
        try {
            out.println(new VersionProvider().getVersion()[0] + " selftest on Java " + Runtime.version() + " ("
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")");
            boolean passed = run(out);
            out.printf(Locale.ROOT, "total:       %8.1f ms%n", millisSince(started));
            out.println(passed ? "selftest PASSED" : "selftest FAILED");
            out.flush();
            return passed ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            LOG.debug("selftest failed", e); // the stack trace for the log file; the user sees the message
            out.flush();
            PrintWriter err = spec.commandLine().getErr();
            err.println("selftest FAILED: " + describe(e));
            err.flush();
            return 1;
        }
    }

    private boolean run(PrintWriter out) throws IOException {
        long loadStart = System.nanoTime();
        InstalledModel model = installedDefaultModel(out);
        double verifyMillis = millisSince(loadStart);
        long sessionStart = System.nanoTime();
        try (SamPredictor predictor = SamPredictor.load(model)) {
            out.printf(Locale.ROOT, "model load:  %8.1f ms  (files checked %.1f ms, ONNX sessions %.1f ms) %s%n",
                    millisSince(loadStart), verifyMillis, millisSince(sessionStart), model.id());
            SelftestScene scene = SelftestScene.generate();
            long encodeStart = System.nanoTime();
            try (ImageEmbedding embedding = predictor.setImage(scene.image())) {
                EncodeTimings timings = predictor.lastEncodeTimings();
                out.printf(Locale.ROOT, "encode:      %8.1f ms  (preprocess %.1f ms, encoder %.1f ms) %s image%n",
                        millisSince(encodeStart), timings.preprocessMillis(), timings.encoderMillis(),
                        scene.image().size());
                return decodeAndScore(out, predictor, embedding, scene);
            }
        }
    }

    private boolean decodeAndScore(PrintWriter out, SamPredictor predictor, ImageEmbedding embedding,
            SelftestScene scene) {
        PromptPoint click = PromptPoint.foreground(scene.click().x(), scene.click().y());
        long decodeStart = System.nanoTime();
        Prediction prediction = predictor.predict(embedding, Prompt.ofPoints(List.of(click)));
        double decodeMillis = millisSince(decodeStart);
        double iou = prediction.chosen().mask().iou(scene.object());
        out.printf(Locale.ROOT, "decode:      %8.1f ms  (decoder %.1f ms, postprocess %.1f ms) 1 click at (%.0f, %.0f)%n",
                decodeMillis, prediction.decoderMillis(), prediction.postprocessMillis(), click.position().x(),
                click.position().y());
        out.printf(Locale.ROOT, "mask:        IoU %.3f vs the drawn object (need >= %.2f), area %d of %d px, "
                + "predicted IoU %.3f%n", iou, MIN_IOU, prediction.chosen().mask().area(), scene.object().area(),
                prediction.chosen().predictedIou());
        if (iou < MIN_IOU) {
            out.println("The mask does not match the clicked object: the model or the image pipeline is broken.");
            return false;
        }
        return true;
    }

    private InstalledModel installedDefaultModel(PrintWriter out) throws IOException {
        ModelDirectory directory = directoryOption.resolve();
        ModelEntry entry = ModelManifest.load(directory.path()).defaultModel();
        ModelStore store = new ModelStore(directory.path());
        out.println("models dir:  " + directory.path() + " (" + directory.origin() + ")");
        return ModelInstall.ensure(store, entry, out, !offline);
    }

    /** The exception's type and message, followed by its causes' messages, on one line. */
    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder(error.getClass().getSimpleName()).append(": ")
                .append(String.valueOf(error.getMessage()).replaceAll("\\R", " "));
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            text.append(" (caused by ").append(cause.getClass().getSimpleName()).append(": ")
                    .append(String.valueOf(cause.getMessage()).replaceAll("\\R", " ")).append(')');
        }
        return text.toString();
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }
}
