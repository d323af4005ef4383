package org.samannotator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.samannotator.core.geometry.Box;
import org.samannotator.core.image.ImageLoadException;
import org.samannotator.core.image.ImageLoader;
import org.samannotator.core.image.LoadedImage;
import org.samannotator.core.image.MaskPngWriter;
import org.samannotator.core.image.OverlayRenderer;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.model.ModelManifestException;
import org.samannotator.core.prompt.Prompt;
import org.samannotator.core.prompt.PromptPoint;
import org.samannotator.core.sam.ImageEmbedding;
import org.samannotator.core.sam.MaskCandidate;
import org.samannotator.core.sam.Prediction;
import org.samannotator.core.sam.SamModelException;
import org.samannotator.core.sam.SamPredictor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code segment}: one image, prompts in original pixel coordinates, mask PNG and/or COCO output. */
@Command(name = "segment", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Segment one object in an image from point and/or box prompts (original pixel coordinates).")
final class SegmentCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption modelOption;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "The image file.")
    Path image;

    @Option(names = "--point", paramLabel = "X,Y[:fg|bg]", description = "A prompt point (repeatable); fg by default.")
    List<String> points = new ArrayList<>();

    @Option(names = "--box", paramLabel = "X0,Y0,X1,Y1", description = "A box prompt.")
    String box;

    @Option(names = "--out", paramLabel = "MASK.png", description = "Write the mask as an 8-bit PNG (0/255).")
    Path maskOut;

    @Option(names = "--coco", paramLabel = "OUT.json", description = "Write a COCO JSON with the mask as RLE.")
    Path cocoOut;

    @Option(names = "--overlay", paramLabel = "OUT.png", description = "Write the image with the mask and prompts drawn over it.")
    Path overlayOut;

    @Option(names = "--category", paramLabel = "NAME", defaultValue = "object", description = "Category name for --coco (default: ${DEFAULT-VALUE}).")
    String category;

    @Option(names = "--candidate", paramLabel = "N", defaultValue = "0",
            description = "Which candidate to write: 0 = the model's choice, 1-3 = alternatives by descending predicted IoU.")
    int candidateIndex;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Prompt prompt = parsePrompt();
            OutputFiles.checkWritable(maskOut, overlayOut, cocoOut);
            long loadStart = System.nanoTime();
            LoadedImage copy = ImageLoader.readReduced(image, ImageLoader.ENCODER_COPY_MIN_LONG_SIDE);
            double imageMillis = (System.nanoTime() - loadStart) / 1e6;
            copy.problem().ifPresent(problem -> err.println("warning: " + problem));
            err.flush();
            ModelOption.LoadedPredictor loaded = modelOption.loadPredictor(out);
            try (SamPredictor predictor = loaded.predictor();
                    ImageEmbedding embedding = predictor.setImage(copy.image(), copy.originalSize())) {
                Prediction prediction = predictor.predict(embedding, prompt);
                out.printf(Locale.ROOT, "image load   %8.1f ms (%s, encoder copy %s)%n", imageMillis,
                        copy.originalSize(), copy.isReduced() ? "read at 1:" + copy.subsampling() : "full resolution");
                report(out, loaded.loadMillis(), predictor, prediction);
                writeOutputs(out, copy, prompt, prediction);
            }
            out.flush();
            return 0;
        } catch (IllegalArgumentException | ImageLoadException | SamModelException | ModelManifestException e) {
            LOG.debug("segment failed", e); // the stack trace for the log file; the user sees the message
            return fail(err, e.getMessage());
        } catch (IOException e) {
            LOG.debug("segment failed", e);
            return fail(err, e.getMessage());
        }
    }

    private void writeOutputs(PrintWriter out, LoadedImage copy, Prompt prompt, Prediction prediction)
            throws IOException {
        MaskCandidate chosen = pick(prediction);
        if (maskOut != null) {
            MaskPngWriter.write(chosen.mask(), maskOut);
            out.println("Mask written to " + maskOut);
        }
        if (overlayOut != null) {
            RgbImage full = copy.isReduced() ? ImageLoader.load(image) : copy.image();
            OverlayRenderer.write(full, chosen.mask(), prompt, overlayOut);
            out.println("Overlay written to " + overlayOut);
        }
        if (cocoOut != null) {
            SegmentCocoExport.write(cocoOut, image, copy.originalSize(), category, prompt, chosen,
                    prediction.decoderMillis() / 1000.0);
            out.println("COCO written to " + cocoOut);
        }
    }

    private Prompt parsePrompt() {
        List<PromptPoint> parsed = points.stream().map(PromptArguments::parsePoint).toList();
        Optional<Box> parsedBox = Optional.ofNullable(box).map(PromptArguments::parseBox);
        if (parsed.isEmpty() && parsedBox.isEmpty()) {
            throw new IllegalArgumentException("give at least one --point or a --box");
        }
        return new Prompt(parsed, parsedBox, Optional.empty());
    }

    private MaskCandidate pick(Prediction prediction) {
        if (candidateIndex == 0) {
            return prediction.chosen();
        }
        List<MaskCandidate> alternatives = new ArrayList<>(prediction.alternatives());
        alternatives.sort((a, b) -> Float.compare(b.predictedIou(), a.predictedIou()));
        if (candidateIndex > alternatives.size()) {
            throw new IllegalArgumentException("--candidate " + candidateIndex + ": only "
                    + alternatives.size() + " alternative(s) for this prompt");
        }
        return alternatives.get(candidateIndex - 1);
    }

    private static void report(PrintWriter out, double loadMillis, SamPredictor predictor, Prediction prediction) {
        var encode = predictor.lastEncodeTimings();
        out.printf(Locale.ROOT, "model load   %8.1f ms%n", loadMillis);
        out.printf(Locale.ROOT, "preprocess   %8.1f ms%n", encode.preprocessMillis());
        out.printf(Locale.ROOT, "encode       %8.1f ms%n", encode.encoderMillis());
        out.printf(Locale.ROOT, "decode       %8.1f ms (+ %.1f ms post-processing)%n",
                prediction.decoderMillis(), prediction.postprocessMillis());
        MaskCandidate chosen = prediction.chosen();
        out.printf(Locale.ROOT, "mask: area %d px, predicted IoU %.3f%n", chosen.mask().area(), chosen.predictedIou());
        for (MaskCandidate alt : prediction.alternatives()) {
            out.printf(Locale.ROOT, "  alternative (token %d): area %d px, predicted IoU %.3f%n",
                    alt.tokenIndex(), alt.mask().area(), alt.predictedIou());
        }
    }

    private static int fail(PrintWriter err, String message) {
        err.println("error: " + String.valueOf(message).replaceAll("\\R", " "));
        err.flush();
        return 1;
    }
}
