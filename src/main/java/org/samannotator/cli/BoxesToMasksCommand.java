package org.samannotator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.samannotator.core.auto.BoxesToMasks;
import org.samannotator.core.auto.CachedEmbeddings;
import org.samannotator.core.auto.DetectionFile;
import org.samannotator.core.auto.YoloLabels;
import org.samannotator.core.embedding.EmbeddingCache;
import org.samannotator.core.model.ModelManifestException;
import org.samannotator.core.sam.SamModelException;
import org.samannotator.core.sam.SamPredictor;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code boxes-to-masks}: detection boxes (COCO or YOLO) to masks, one box prompt per annotation. */
@Command(name = "boxes-to-masks", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Turn detection boxes (COCO JSON or YOLO labels) into masks: each bbox is a box prompt; "
                + "writes a COCO JSON with RLE segmentations, area and bbox from the mask, and the original box as prompt_box.")
final class BoxesToMasksCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption modelOption;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--coco", paramLabel = "IN.json", description = "COCO detection JSON (bbox per annotation).")
        Path coco;

        @Option(names = "--yolo", paramLabel = "LABELS_DIR", description = "Folder of YOLO label files NAME.txt.")
        Path yolo;
    }

    @Option(names = "--classes", paramLabel = "names.txt", description = "Class names, one per line (with --yolo).")
    Path classes;

    @Option(names = "--images", required = true, paramLabel = "DIR", description = "Folder with the images.")
    Path images;

    @Option(names = "--out", required = true, paramLabel = "OUT.json", description = "The COCO JSON to write.")
    Path out;

    @Option(names = "--overwrite", description = "Also replace segmentations that are already there.")
    boolean overwrite;

    @Option(names = "--no-cache", description = "Do not use the on-disk embedding cache.")
    boolean noCache;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (input.yolo != null && classes == null) {
            throw new ParameterException(spec.commandLine(), "--yolo needs --classes names.txt");
        }
        try {
            DetectionFile data = input.coco != null ? DetectionFile.read(input.coco)
                    : YoloLabels.read(input.yolo, classes, images);
            ModelOption.LoadedPredictor loaded = modelOption.loadPredictor(stdout);
            BoxesToMasks.Summary summary;
            try (SamPredictor predictor = loaded.predictor()) {
                CachedEmbeddings embeddings = new CachedEmbeddings(predictor, noCache ? null : EmbeddingCache.openDefault());
                summary = BoxesToMasks.run(predictor, embeddings, data, images, overwrite,
                        (done, total) -> {
                            stdout.printf("\rboxes to masks: %d/%d", done, total);
                            stdout.flush();
                        });
            }
            BoxesToMasks.write(out, data);
            stdout.printf("%nDone: %d masks from boxes, %d existing segmentations kept, %d image problem(s); wrote %s%n",
                    summary.converted(), summary.keptExisting(), summary.problems().size(), out);
            summary.problems().forEach(p -> stdout.println("  skipped: " + p));
            stdout.flush();
            return summary.problems().isEmpty() ? 0 : 3;
        } catch (IOException | ModelManifestException | SamModelException e) {
            err.println("error: " + String.valueOf(e.getMessage()).replaceAll("\\R", " "));
            err.flush();
            return 1;
        }
    }
}
