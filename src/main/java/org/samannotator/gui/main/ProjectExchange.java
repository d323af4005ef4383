package org.samannotator.gui.main;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.samannotator.core.annotation.AnnotationProject;
import org.samannotator.core.annotation.ProjectStatistics;
import org.samannotator.core.formats.AnnotationFormat;
import org.samannotator.core.formats.ExportOptions;
import org.samannotator.core.formats.ProjectFormats;
import org.samannotator.core.session.AnnotationSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File > Export as and File > Import in every {@link AnnotationFormat} (through {@code core.formats}), and
 * the folder's statistics. The work runs on a background executor, never on the UI thread: an export writes
 * a copy of the project taken on the UI thread; an import reads and checks the files in the background
 * ({@link ProjectFormats#prepareImport}) and only adds the result on the UI thread, which owns the project.
 * One runs at a time; {@link #taskProperty()} says which (empty when none). Every outcome is an
 * {@link Outcome} with a sentence for the user, never an exception.
 */
final class ProjectExchange {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectExchange.class);
    private static final int LISTED_SKIPS = 5;

    /** The end of an export or import: whether it worked, and the sentence to show. */
    record Outcome(boolean succeeded, String message) {
    }

    private final AnnotationSession session;
    private final Executor ui;
    private final Executor background;
    private final StringProperty task = new SimpleStringProperty("");

    ProjectExchange(AnnotationSession session, Executor ui, Executor background) {
        this.session = session;
        this.ui = ui;
        this.background = background;
    }

    /** What runs now ("Exporting 120 images as Pascal VOC segmentation..."), empty when nothing does. */
    ReadOnlyStringProperty taskProperty() {
        return task;
    }

    /** Exports the open folder's project to {@code out}; {@code onDone} runs on the UI executor. */
    void export(AnnotationFormat format, Path out, ExportOptions options, Consumer<Outcome> onDone) {
        AnnotationProject project = refuseIfBusyOrClosed(onDone);
        if (project == null) {
            return;
        }
        AnnotationProject copy = new AnnotationProject(project.snapshot());
        Path folder = session.folder().orElseThrow();
        List<String> files = List.copyOf(session.files());
        task.set("Exporting " + files.size() + " images as " + format.displayName() + "...");
        CompletableFuture.supplyAsync(unchecked(() -> exported(
                        ProjectFormats.export(copy, folder, files, format, out, options))), background)
                .whenCompleteAsync((outcome, error) -> finish(error == null ? outcome
                        : failed("Export as " + format.displayName() + " failed", error), onDone), ui);
    }

    /**
     * Reads {@code source} in the background, then adds what the project does not have yet as one undoable
     * edit on the UI executor; {@code onDone} runs there too.
     */
    void importFrom(AnnotationFormat format, Path source, Consumer<Outcome> onDone) {
        AnnotationProject project = refuseIfBusyOrClosed(onDone);
        if (project == null) {
            return;
        }
        Path folder = session.folder().orElseThrow();
        List<String> files = List.copyOf(session.files());
        task.set("Reading " + format.displayName() + " from " + source + "...");
        CompletableFuture.supplyAsync(unchecked(() -> ProjectFormats.prepareImport(format, folder, files, source)),
                        background)
                .whenCompleteAsync((prepared, error) -> {
                    if (error != null) {
                        finish(failed("Import of " + format.displayName() + " failed (nothing was added)", error),
                                onDone);
                    } else if (session.project().orElse(null) != project) {
                        finish(new Outcome(false, "The folder was closed before the import finished; nothing was"
                                + " added."), onDone);
                    } else {
                        finish(apply(prepared, project), onDone);
                    }
                }, ui);
    }

    /** Background work that may throw an {@link java.io.IOException}. */
    @FunctionalInterface
    private interface FileWork<T> {
        T run() throws java.io.IOException;
    }

    private static <T> java.util.function.Supplier<T> unchecked(FileWork<T> work) {
        return () -> {
            try {
                return work.run();
            } catch (java.io.IOException e) {
                throw new CompletionException(e);
            }
        };
    }

    private AnnotationProject refuseIfBusyOrClosed(Consumer<Outcome> onDone) {
        if (!task.get().isEmpty()) {
            onDone.accept(new Outcome(false, "Wait until this finishes: " + task.get()));
            return null;
        }
        AnnotationProject project = session.project().orElse(null);
        if (project == null) {
            onDone.accept(new Outcome(false, "No folder is open."));
        }
        return project;
    }

    private void finish(Outcome outcome, Consumer<Outcome> onDone) {
        task.set("");
        session.status().message(outcome.message());
        onDone.accept(outcome);
    }

    private static Outcome exported(ProjectFormats.ExportReport report) {
        String unreadable = report.unreadableImages().isEmpty() ? ""
                : " " + report.unreadableImages().size() + " images whose size could not be read were left out: "
                + listed(report.unreadableImages()) + ".";
        return new Outcome(true, "Exported " + report.objects() + " objects of " + report.images() + " images as "
                + report.format().displayName() + " to " + report.out() + " (" + report.filesWritten() + " "
                + (report.filesWritten() == 1 ? "file" : "files") + ")." + unreadable);
    }

    private static Outcome apply(ProjectFormats.PreparedImport prepared, AnnotationProject project) {
        try {
            ProjectFormats.ImportReport report = prepared.applyTo(project);
            var added = report.added();
            String duplicates = report.duplicatesSkipped() == 0 ? ""
                    : " " + report.duplicatesSkipped() + " objects the project already had were skipped.";
            List<String> skipped = report.skipped();
            skipped.forEach(line -> LOG.info("Import of {} skipped {}", report.format().id(), line));
            String boxes = added.boxSuggestions() == 0 ? "" : " " + added.boxSuggestions()
                    + " boxes without a mask became suggestions to review (decoded when their image is open).";
            String skips = skipped.isEmpty() ? "" : " Skipped " + skipped.size() + ": " + listed(skipped) + ".";
            return new Outcome(true, "Imported " + added.objects() + " objects into " + added.images()
                    + " images from " + report.format().displayName() + " (" + added.newCategories()
                    + " new categories)." + boxes + duplicates + skips);
        } catch (java.io.IOException | RuntimeException e) {
            return failed("Import of " + prepared.format().displayName() + " failed (nothing was added)", e);
        }
    }

    private static String listed(List<String> lines) {
        List<String> shown = new ArrayList<>(lines.subList(0, Math.min(LISTED_SKIPS, lines.size())));
        if (lines.size() > LISTED_SKIPS) {
            shown.add("... (" + (lines.size() - LISTED_SKIPS) + " more in the log)");
        }
        return String.join("; ", shown);
    }

    private static Outcome failed(String what, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        LOG.warn("{}", what, cause);
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new Outcome(false, what + ": " + reason);
    }

    /** The statistics dialog's text for the open folder. */
    String statisticsText() {
        return session.project().map(p -> ProjectStatistics.of(p, session.files()).describe())
                .orElse("No folder is open.");
    }
}
