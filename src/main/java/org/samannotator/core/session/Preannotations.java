package org.samannotator.core.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.samannotator.core.annotation.AnnotationProject;
import org.samannotator.core.annotation.ImageAnnotations;
import org.samannotator.core.annotation.ImageStatus;
import org.samannotator.core.annotation.SaveStatus;
import org.samannotator.core.annotation.Suggestion;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.segment.ProposedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pre-annotation as the session thread sees it: Image > Pre-annotate (the current image, one undoable edit)
 * and Pre-annotate folder (every image not done and without objects or suggestions, one after another;
 * results are stored and saved without undo steps, except on the image on screen). Progress goes to the
 * status; an unreadable image is skipped and named in the summary; a failed save stops the run (every image
 * finished before it is in the project and saved once the disk has room again). Session thread only.
 */
final class Preannotations {
    private static final Logger LOG = LoggerFactory.getLogger(Preannotations.class);

    private final Preannotator background;
    private final Executor sessionThread;
    private final SessionStatus status;
    private Run run;

    /** One run; {@code cancelled} is read on the pre-annotation thread. */
    private static final class Run {
        volatile boolean cancelled;
        final List<String> unreadable = new ArrayList<>();
        int images;
        int suggestions;
    }

    Preannotations(Preannotator background, Executor sessionThread, SessionStatus status) {
        this.background = background;
        this.sessionThread = sessionThread;
        this.status = status;
    }

    boolean isRunning() {
        return run != null;
    }

    void cancel() {
        if (run != null) {
            run.cancelled = true;
        }
    }

    /** Proposes objects for the image on screen ({@code file}, ready for prompts) and stores them as suggestions. */
    void currentImage(AnnotationProject project, String file, Size size) {
        if (refuseSecondRun()) {
            return;
        }
        Run started = start("Pre-annotating " + file + "...");
        background.currentImage(size, (done, total) -> progress(started, file, done, total, 0, 1), () -> started.cancelled)
                .whenCompleteAsync((objects, error) -> {
                    if (error == null) {
                        started.suggestions = project.suggestions().storeGenerated(file, suggestions(objects), true);
                        started.images = 1;
                    }
                    finish(started, error, "Pre-annotated " + file + ": " + started.suggestions
                            + " suggestions (Y accept, Shift+Y accept all, X reject, N next)");
                }, sessionThread);
    }

    /** Pre-annotates the folder's images that are not done and have neither objects nor suggestions. */
    void folder(AnnotationProject project, Path folder, List<String> files, Supplier<String> currentFile,
            Supplier<SaveStatus> saveStatus) {
        if (refuseSecondRun()) {
            return;
        }
        List<String> todo = files.stream().filter(f -> needsProposals(project.image(f))).toList();
        Run started = start("Pre-annotating " + todo.size() + " images...");
        next(started, project, folder, todo, 0, currentFile, saveStatus);
    }

    private static boolean needsProposals(ImageAnnotations image) {
        return image.status() != ImageStatus.DONE && image.objectCount() == 0 && image.suggestionCount() == 0;
    }

    private void next(Run started, AnnotationProject project, Path folder, List<String> todo, int index,
            Supplier<String> currentFile, Supplier<SaveStatus> saveStatus) {
        if (index >= todo.size() || started.cancelled || saveStatus.get().state() == SaveStatus.State.FAILED) {
            String stopped = saveStatus.get().state() == SaveStatus.State.FAILED
                    ? " Stopped: the project could not be saved (" + saveStatus.get().message() + ")." : "";
            finish(started, started.cancelled ? new CancellationException() : null, "Pre-annotated "
                    + started.images + " of " + todo.size() + " images: " + started.suggestions + " suggestions."
                    + unreadable(started) + stopped);
            return;
        }
        String file = todo.get(index);
        background.file(folder.resolve(file), (done, total) -> progress(started, file, done, total, index, todo.size()),
                () -> started.cancelled).whenCompleteAsync((objects, error) -> {
                    if (error == null) {
                        boolean onScreen = file.equals(currentFile.get());
                        started.suggestions += project.suggestions().storeGenerated(file, suggestions(objects), onScreen);
                        started.images++;
                    } else if (!(PromptLoop.unwrap(error) instanceof CancellationException)) {
                        LOG.warn("Pre-annotating {} failed", file, error);
                        started.unreadable.add(file + " (" + PromptLoop.unwrap(error).getMessage() + ")");
                    }
                    next(started, project, folder, todo, index + 1, currentFile, saveStatus);
                }, sessionThread);
    }

    private static String unreadable(Run run) {
        return run.unreadable.isEmpty() ? "" : " Skipped " + run.unreadable.size() + ": "
                + String.join("; ", run.unreadable.subList(0, Math.min(3, run.unreadable.size())))
                + (run.unreadable.size() > 3 ? "; ..." : "") + ".";
    }

    private boolean refuseSecondRun() {
        if (run != null) {
            status.message("A pre-annotation is running (cancel it in the status bar first)");
            return true;
        }
        return false;
    }

    private Run start(String text) {
        run = new Run();
        status.preannotation(new PreannotationProgress(text, 0));
        return run;
    }

    /** Called on the pre-annotation thread after every batch. */
    private void progress(Run of, String file, int done, int total, int image, int images) {
        double fraction = (image + (total == 0 ? 1 : (double) done / total)) / images;
        String text = images == 1 ? String.format("Pre-annotating %s: %d%%", file, Math.round(100.0 * done / Math.max(1, total)))
                : String.format("Pre-annotating image %d of %d (%s): %d%%", image + 1, images, file,
                        Math.round(100 * fraction));
        sessionThread.execute(() -> {
            if (run == of) {
                status.preannotation(new PreannotationProgress(text, fraction));
            }
        });
    }

    private void finish(Run finished, Throwable error, String summary) {
        if (run != finished) {
            return;
        }
        run = null;
        status.preannotation(null);
        if (error == null) {
            status.message(summary);
        } else if (PromptLoop.unwrap(error) instanceof CancellationException) {
            status.message("Pre-annotation cancelled" + (finished.images > 0 ? " after " + finished.images
                    + " images (" + finished.suggestions + " suggestions kept)" : ""));
        } else {
            LOG.warn("Pre-annotation failed", error);
            status.message("Pre-annotation failed: " + PromptLoop.unwrap(error).getMessage());
        }
    }

    static List<Suggestion> suggestions(List<ProposedObject> objects) {
        return objects.stream().map(o -> Suggestion.generated(o.mask(), o.point(), o.predictedIou(), o.stabilityScore()))
                .toList();
    }
}
