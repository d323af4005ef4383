package org.samannotator.gui.main;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.samannotator.core.annotation.AnnotationProject;
import org.samannotator.core.annotation.CocoExchange;
import org.samannotator.core.annotation.ProjectStatistics;
import org.samannotator.core.coco.SegmentationEncoding;
import org.samannotator.core.session.AnnotationSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * COCO export and import of the session's open folder, and its statistics, each answered with a sentence
 * for the user (never an exception). Export copies the project on the calling thread and writes the file in
 * the background.
 */
final class ProjectExchange {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectExchange.class);
    private final AnnotationSession session;
    private final Executor ui;

    ProjectExchange(AnnotationSession session, Executor ui) {
        this.session = session;
        this.ui = ui;
    }

    /** Exports to {@code target} (RLE, or polygons with holes) in the background; {@code onDone} gets the sentence on the UI executor. */
    void exportCocoInBackground(Path target, boolean polygons, Consumer<String> onDone) {
        AnnotationProject project = session.project().orElse(null);
        if (project == null) {
            onDone.accept("No folder is open.");
            return;
        }
        AnnotationProject copy = new AnnotationProject(project.snapshot());
        Path dir = session.folder().orElseThrow();
        List<String> files = session.files();
        CompletableFuture.supplyAsync(() -> export(copy, dir, files, target, polygons))
                .thenAcceptAsync(onDone, ui);
    }

    static String export(AnnotationProject project, Path dir, List<String> files, Path target, boolean polygons) {
        try {
            CocoExchange.ExportSummary summary = CocoExchange.export(project, dir, files, target,
                    polygons ? SegmentationEncoding.POLYGONS : SegmentationEncoding.RLE);
            String skipped = summary.unreadableImages().isEmpty() ? ""
                    : " " + summary.unreadableImages().size() + " unreadable images were left out.";
            return "Exported " + summary.annotations() + " objects of " + summary.images() + " images to " + target
                    + "." + skipped;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Export to {} failed", target, e);
            return "Export failed: " + e.getMessage();
        }
    }

    /** Imports a COCO JSON file into the open folder (undoable); returns a sentence for the user. */
    String importCoco(Path source) {
        AnnotationProject project = session.project().orElse(null);
        if (project == null) {
            return "No folder is open.";
        }
        try {
            CocoExchange.ImportSummary summary = CocoExchange.importFile(project, session.folder().orElseThrow(),
                    session.files(), source);
            List<String> mismatched = summary.mismatchedImages();
            String missing = summary.missingImages().isEmpty() ? ""
                    : " " + summary.missingImages().size() + " images of the file are not in this folder.";
            String skipped = mismatched.isEmpty() ? ""
                    : " Skipped " + mismatched.size() + " images whose size differs: "
                    + String.join(", ", mismatched.subList(0, Math.min(5, mismatched.size())))
                    + (mismatched.size() > 5 ? ", ..." : "") + ".";
            String boxes = summary.boxSuggestions() == 0 ? "" : " " + summary.boxSuggestions()
                    + " boxes without a mask became suggestions to review (decoded when their image is open).";
            return "Imported " + summary.objects() + " objects into " + summary.images() + " images ("
                    + summary.newCategories() + " new categories)." + boxes + missing + skipped;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Import of {} failed", source, e);
            return "Import failed: " + e.getMessage();
        }
    }

    /** The statistics dialog's text for the open folder. */
    String statisticsText() {
        return session.project().map(p -> ProjectStatistics.of(p, session.files()).describe())
                .orElse("No folder is open.");
    }
}
