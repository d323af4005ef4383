package org.samannotator.core.session;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.samannotator.core.annotation.AnnotationProject;
import org.samannotator.core.annotation.Candidate;
import org.samannotator.core.annotation.ImageAnnotations;
import org.samannotator.core.geometry.Box;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.image.LoadedImage;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.mask.MaskView;
import org.samannotator.core.prompt.Prompt;
import org.samannotator.core.prompt.PromptPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open image of the session: reading its pixels and encoding them on the {@link SegmenterWorker}, its
 * {@link ImageState}, and every action on it (prompts through its {@link PromptLoop}, brush strokes,
 * hover preview, accept, discard, edit and delete of the selected object). Coordinates are ORIGINAL image
 * pixels. Session thread only; worker results arriving after {@link #close()} are ignored.
 */
final class ImageSession {
    private static final Logger LOG = LoggerFactory.getLogger(ImageSession.class);
    private final String file;
    private final Path path;
    private final AnnotationProject project;
    private final SegmenterWorker worker;
    private final Executor sessionThread;
    private final SessionEvents events;
    private final ObjectSelection selection;
    private final Consumer<String> messages;
    private ImageState state = ImageState.LOADING;
    /** What the canvas shows: the pixels (full resolution, or an overview for huge images) and the original size. */
    private LoadedImage display;
    /** What went wrong reading the pixels (e.g. a truncated file shown partly), said with every status. */
    private String problem = "";
    private PromptLoop prompts;
    private MaskView hoverMask;
    private double lastDecodeMillis = Double.NaN;
    private boolean closed;
    /** The file was replaced by an image of another size: not opened for editing (see {@link #loaded}). */
    private boolean refused;
    /** When {@link #open} was called (System.nanoTime), for the ready and first-decode log lines. */
    private long openedNanos;
    private boolean firstDecodeLogged;

    ImageSession(String file, Path folder, AnnotationProject project, SegmenterWorker worker, Executor sessionThread,
            SessionEvents events, ObjectSelection selection, Consumer<String> messages) {
        this.file = file;
        this.path = folder.resolve(file);
        this.project = project;
        this.worker = worker;
        this.sessionThread = sessionThread;
        this.events = events;
        this.selection = selection;
        this.messages = messages;
    }

    /** Starts reading and encoding; {@code whenReady} runs once prompts can be decoded. */
    void open(Runnable whenReady) {
        messages.accept("Loading " + file + "...");
        openedNanos = System.nanoTime();
        SegmenterWorker.Opening opening = worker.open(path);
        opening.pixels().whenCompleteAsync((image, error) -> {
            if (!closed && error == null) {
                loaded(image);
            }
        }, sessionThread);
        opening.ready().whenCompleteAsync((fromCache, error) -> {
            if (closed || refused || error != null && PromptLoop.unwrap(error) instanceof CancellationException) {
                return;
            }
            if (error != null) {
                setState(display == null ? ImageState.FAILED : ImageState.NO_MODEL);
                messages.accept(PromptLoop.unwrap(error).getMessage());
                return;
            }
            setState(ImageState.READY);
            LOG.info("{} ready for prompts {} ms after opening ({}{})", file, millisSinceOpened(),
                    fromCache ? "embedding from cache" : "encoded", display.isReduced() ? ", shown from a 1:"
                            + display.subsampling() + " overview of " + display.originalSize() : "");
            messages.accept((fromCache ? "Ready (embedding from cache)" : "Ready") + problem);
            prompts.decodeIfPending();
            whenReady.run();
        }, sessionThread);
    }

    private void loaded(LoadedImage loadedImage) {
        Size size = loadedImage.originalSize();
        Optional<String> replaced = replacedBySizeChange(size);
        if (replaced.isPresent()) {
            refused = true;
            setState(ImageState.FAILED);
            messages.accept(replaced.get());
            return;
        }
        problem = loadedImage.problem().map(p -> ". Warning: " + p).orElse("");
        display = loadedImage;
        project.setImageSize(file, size);
        prompts = new PromptLoop(project, file, size, worker, sessionThread, messages,
                () -> state == ImageState.READY && !closed);
        prompts.onAccepted(() -> select(null));
        prompts.onDecoded(s -> {
            lastDecodeMillis = s.decoderMillis();
            if (!firstDecodeLogged) {
                firstDecodeLogged = true;
                LOG.info("{} first prompt decoded {} ms after opening", file, millisSinceOpened());
            }
        });
        events.fire(SessionChange.IMAGE);
        setState(ImageState.ENCODING);
        messages.accept("Encoding " + file + "..." + problem);
    }

    /**
     * When the file now has another size than the one its saved objects were drawn on (the image was replaced
     * on disk), the sentence saying so: the objects are kept untouched and the image is not opened for editing.
     */
    private Optional<String> replacedBySizeChange(Size read) {
        ImageAnnotations saved = annotations();
        return saved.size().filter(known -> !known.equals(read) && !saved.objects().isEmpty()).map(known -> file
                + " was replaced on disk by an image of another size (" + read.width() + " x " + read.height()
                + "; its " + saved.objects().size() + " objects were drawn on " + known.width() + " x "
                + known.height() + "). The objects are kept as they were: put the original image back to see"
                + " and edit them.");
    }

    private long millisSinceOpened() {
        return (System.nanoTime() - openedNanos) / 1_000_000;
    }

    private void setState(ImageState next) {
        state = next;
        events.fire(SessionChange.IMAGE_STATE);
    }

    void close() {
        closed = true;
        if (prompts != null) {
            prompts.close();
        }
    }

    String file() {
        return file;
    }

    ImageState state() {
        return state;
    }

    /** The image as shown: its pixels (an overview when {@link LoadedImage#isReduced()}) and original size. */
    Optional<LoadedImage> display() {
        return Optional.ofNullable(display);
    }

    ImageAnnotations annotations() {
        return project.image(file);
    }

    Optional<Candidate> candidate() {
        return annotations().candidate();
    }

    double lastDecodeMillis() {
        return lastDecodeMillis;
    }

    Optional<MaskView> hoverMask() {
        return Optional.ofNullable(hoverMask);
    }

    Optional<PromptLoop> prompts() {
        return Optional.ofNullable(prompts);
    }

    void click(ImagePoint p, boolean background, double tolerance) {
        clearHover();
        prompts().ifPresent(loop -> loop.click(p, background, tolerance));
    }

    void box(Box box) {
        clearHover();
        prompts().ifPresent(loop -> loop.box(box));
    }

    /** Hover preview at {@code p}: the mask a foreground click there would give (no prompts yet only). */
    void hover(ImagePoint p) {
        if (state != ImageState.READY || candidate().map(c -> !c.prompts().isEmpty()).orElse(false)) {
            return;
        }
        worker.hover(Prompt.ofPoints(List.of(PromptPoint.foreground(p.x(), p.y())))).whenCompleteAsync((s, error) -> {
            if (!closed && error == null && candidate().map(c -> c.prompts().isEmpty()).orElse(true)) {
                hoverMask = s.first().view();
                events.fire(SessionChange.HOVER);
            }
        }, sessionThread);
    }

    void clearHover() {
        if (hoverMask != null) {
            hoverMask = null;
            events.fire(SessionChange.HOVER);
        }
    }

    /** A brush (or eraser) stroke: on the selected object when no candidate exists, else on the candidate. */
    void paint(List<ImagePoint> path, double radius, boolean erase) {
        if (display == null || path.isEmpty() || prompts.heldUntilAccepted(() -> paint(path, radius, erase))) {
            return;
        }
        BrushMaskEdit stroke = new BrushMaskEdit(path, radius, erase);
        String what = erase ? "erase" : "brush";
        Optional<Long> selected = selection.selectedId().filter(id -> annotations().object(id).isPresent());
        if (candidate().isEmpty() && selected.isPresent()) {
            project.editObjectMask(file, selected.get(), stroke, what);
        } else if (!erase || candidate().isPresent()) {
            project.addCandidateStroke(file, stroke, what);
        } else {
            messages.accept("Nothing to erase: select an object (Alt+click) or prompt a candidate first");
        }
    }

    /** Esc: drops the candidate and its prompts, or else clears the selection. */
    void discard() {
        prompts().ifPresent(PromptLoop::cancelPendingAccept);
        if (candidate().isPresent()) {
            project.discardCandidate(file);
        } else {
            select(null);
        }
    }

    void editSelected() {
        selection.selectedId().filter(id -> candidate().isEmpty() && annotations().object(id).isPresent())
                .ifPresent(id -> project.startEditingObject(file, id));
    }

    void deleteSelected() {
        selection.selectedId().ifPresent(id -> {
            project.deleteObject(file, id);
            select(null);
        });
    }

    private void select(Long objectId) {
        selection.select(objectId);
    }

    /** After undo / redo on this image: a pending accept is dropped, a pending decode requested again. */
    void afterHistoryStep() {
        prompts().ifPresent(loop -> {
            loop.cancelPendingAccept();
            loop.decodeIfPending();
        });
        selection.selectedId().filter(id -> annotations().object(id).isEmpty()).ifPresent(id -> select(null));
    }
}
