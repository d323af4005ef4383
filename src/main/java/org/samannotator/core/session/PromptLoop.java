package org.samannotator.core.session;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.samannotator.core.annotation.AnnotationProject;
import org.samannotator.core.annotation.Candidate;
import org.samannotator.core.geometry.Box;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.prompt.LowResMask;
import org.samannotator.core.prompt.PointLabel;
import org.samannotator.core.prompt.PromptPoint;
import org.samannotator.core.segment.Segmentation;

/**
 * The candidate loop of one open image: prompts (points, box) -> decode on the {@link SegmenterWorker} ->
 * the candidate's proposals -> accept as an object. Enter while the decode is still running is remembered
 * and happens when the result arrives; input meanwhile is held and replayed after it ({@link PendingAccept}).
 * All coordinates are ORIGINAL image pixels (x right, y down). Session thread only; results from the
 * worker are applied on the session's executor and ignored once this image is closed.
 */
final class PromptLoop {
    private final AnnotationProject project;
    private final String file;
    private final Size imageSize;
    private final SegmenterWorker worker;
    private final Executor sessionThread;
    private final Consumer<String> messages;
    private final BooleanSupplier ready;
    private final PendingAccept pendingAccept = new PendingAccept();
    private Runnable onAccepted = () -> { };
    private Consumer<Segmentation> onDecoded = s -> { };
    /** Revision of the candidate whose decode failed (Enter then explains instead of waiting), or -1. */
    private long failedRevision = -1;
    private boolean closed;

    PromptLoop(AnnotationProject project, String file, Size imageSize, SegmenterWorker worker,
            Executor sessionThread, Consumer<String> messages, BooleanSupplier ready) {
        this.project = project;
        this.file = file;
        this.imageSize = imageSize;
        this.worker = worker;
        this.sessionThread = sessionThread;
        this.messages = messages;
        this.ready = ready;
    }

    void onAccepted(Runnable action) {
        onAccepted = action;
    }

    /** Told about every decode result applied to the candidate (the decoder time is in it). */
    void onDecoded(Consumer<Segmentation> listener) {
        onDecoded = listener;
    }

    Optional<Candidate> candidate() {
        return project.image(file).candidate();
    }

    /** Removes the prompt marker within {@code tolerance} pixels of {@code p}, else adds a point there. */
    void click(ImagePoint p, boolean background, double tolerance) {
        if (!ready.getAsBoolean() || !imageSize.containsPoint(p)
                || pendingAccept.hold(() -> click(p, background, tolerance))) {
            return;
        }
        Optional<Candidate> candidate = candidate();
        if (candidate.isPresent()) {
            List<PromptPoint> points = candidate.get().prompts().points();
            for (int i = points.size() - 1; i >= 0; i--) {
                if (points.get(i).position().distanceTo(p) <= tolerance) {
                    project.removePoint(file, i).ifPresent(c -> requestDecode(c, null));
                    return;
                }
            }
        }
        LowResMask previous = candidate.flatMap(Candidate::chosenLowRes).orElse(null);
        PromptPoint point = new PromptPoint(p, background ? PointLabel.BACKGROUND : PointLabel.FOREGROUND);
        requestDecode(project.addPoint(file, point), previous);
    }

    /** A dragged box, cut to the image; replaces the candidate's box. */
    void box(Box dragged) {
        if (!ready.getAsBoolean()) {
            return;
        }
        Box box = imageSize.clamp(dragged);
        if (box.width() < 2 || box.height() < 2 || pendingAccept.hold(() -> box(box))) {
            return;
        }
        requestDecode(project.setBox(file, box), null);
    }

    /** Tab: the next of the model's proposals (whole / part / subpart). */
    void cycleAlternative() {
        candidate().filter(c -> c.alternatives().size() > 1).ifPresent(
                c -> project.chooseAlternative(file, (c.chosenIndex() + 1) % c.alternatives().size()));
    }

    /** True (and {@code action} kept to run after the accept) while an accept waits for its decode. */
    boolean heldUntilAccepted(Runnable action) {
        return pendingAccept.hold(action);
    }

    /** Decodes the candidate if its decode is pending (the encoding became ready, or undo/redo). */
    void decodeIfPending() {
        if (ready.getAsBoolean()) {
            candidate().filter(Candidate::isDecodePending).ifPresent(c -> requestDecode(c, null));
        }
    }

    /** Enter: accepts the candidate with {@code categoryId}, after its pending decode if any. */
    void accept(int categoryId) {
        if (pendingAccept.hold(() -> accept(categoryId))) {
            return;
        }
        Optional<Candidate> candidate = candidate();
        if (candidate.isEmpty()) {
            return;
        }
        if (candidate.get().isDecodePending() && candidate.get().revision() == failedRevision) {
            messages.accept("The decoder failed on this candidate: change its prompts, or press Esc to discard it");
        } else if (candidate.get().isDecodePending()) {
            pendingAccept.request(categoryId);
        } else {
            acceptNow(categoryId);
        }
    }

    /** Accepts the candidate if there is one, then runs {@code next}; see {@link AnnotationSession#acceptThen}. */
    void acceptThen(int categoryId, Runnable next) {
        if (pendingAccept.hold(() -> acceptThen(categoryId, next))) {
            return;
        }
        if (candidate().filter(c -> !c.isBlank()).isPresent()) {
            accept(categoryId);
            if (pendingAccept.hold(() -> acceptThen(categoryId, next))
                    || candidate().filter(c -> !c.isBlank()).isPresent()) {
                return;
            }
        }
        next.run();
    }

    /** Drops a waiting accept and the input held behind it (Esc, undo, another image). */
    void cancelPendingAccept() {
        pendingAccept.cancel();
    }

    void close() {
        closed = true;
        pendingAccept.cancel();
    }

    private void acceptNow(int categoryId) {
        if (project.category(categoryId).isEmpty()) {
            messages.accept("Add a category first (Categories > Add)");
        } else if (project.acceptCandidate(file, categoryId).isPresent()) {
            onAccepted.run();
        } else {
            messages.accept("Nothing to accept: the candidate's mask is empty");
        }
    }

    /** Asks the worker to decode {@code candidate}'s prompts; the result is matched back by revision. */
    private void requestDecode(Candidate candidate, LowResMask previous) {
        if (candidate.prompts().isEmpty()) {
            return;
        }
        long revision = candidate.revision();
        worker.decode(candidate.prompts().toPrompt(previous)).whenCompleteAsync((segmentation, error) -> {
            if (closed) {
                return;
            }
            if (error == null) {
                decoded(revision, segmentation);
            } else if (!(unwrap(error) instanceof CancellationException)) {
                failedRevision = revision;
                pendingAccept.cancel();
                messages.accept("Decoder failed: " + unwrap(error).getMessage());
            }
        }, sessionThread);
    }

    private void decoded(long revision, Segmentation segmentation) {
        if (candidate().filter(c -> c.revision() == revision).isPresent()) {
            onDecoded.accept(segmentation); // before the change is announced, so listeners read the new time
        }
        if (!project.resolveDecode(file, revision, segmentation.proposals())) {
            return;
        }
        candidate().flatMap(Candidate::view).ifPresent(worker::prepareMask);
        if (pendingAccept.isPending()) {
            acceptNow(pendingAccept.take().getAsInt());
            pendingAccept.replayHeldInput();
        }
    }

    static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
