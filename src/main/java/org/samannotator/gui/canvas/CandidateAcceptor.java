package org.samannotator.gui.canvas;

import java.util.Optional;
import org.samannotator.core.annotation.AnnotationProject;
import org.samannotator.core.annotation.Candidate;

/**
 * Accepting the canvas's candidate as an object (Enter, Ctrl+Enter): accepts at once when the candidate is
 * decoded, else remembers the accept until its decode arrives and holds back later canvas input meanwhile
 * (see {@link PendingAccept}); explains instead of waiting when the decoder failed on the candidate.
 * Reads the project, current image, candidate and category from the {@link CanvasViewModel} it serves.
 */
final class CandidateAcceptor {
    private final CanvasViewModel canvas;
    private final PendingAccept pendingAccept = new PendingAccept();
    /** Revision of the candidate whose decode failed (Enter then explains instead of waiting), or -1. */
    private long failedRevision = -1;

    CandidateAcceptor(CanvasViewModel canvas) {
        this.canvas = canvas;
    }

    /** True (and {@code action} kept to run after the accept) while an accept waits for its decode. */
    boolean deferredUntilAccepted(Runnable action) {
        return pendingAccept.hold(action);
    }

    /** Drops a waiting accept and the input held behind it. */
    void cancelPendingAccept() {
        pendingAccept.cancel();
    }

    /** Forgets a decoder failure (another project was opened). */
    void forgetFailure() {
        failedRevision = -1;
    }

    /** The decode of the candidate with {@code revision} failed: a waiting accept is dropped. */
    void decodeFailed(long revision) {
        failedRevision = revision;
        cancelPendingAccept();
    }

    /** A decode was resolved; when it is the current candidate's, a waiting accept happens now. */
    void decodeResolved(boolean current) {
        if (current && pendingAccept.isPending()) {
            acceptWith(pendingAccept.take().getAsInt());
            pendingAccept.replayHeldInput();
        }
    }

    /** Enter: accepts the candidate with the current category (after its pending decode, if any). */
    void accept() {
        acceptWithCategory(canvas.currentCategoryIdProperty().get());
    }

    private void acceptWithCategory(int categoryId) {
        if (deferredUntilAccepted(() -> acceptWithCategory(categoryId))) {
            return;
        }
        Optional<Candidate> candidate = canvas.candidate();
        if (candidate.isEmpty()) {
            return;
        }
        if (candidate.get().isDecodePending() && candidate.get().revision() == failedRevision) {
            canvas.messageProperty().set(
                    "The decoder failed on this candidate: change its prompts, or press Esc to discard it");
        } else if (candidate.get().isDecodePending()) {
            pendingAccept.request(categoryId);
        } else {
            acceptWith(categoryId);
        }
    }

    private void acceptWith(int categoryId) {
        AnnotationProject project = canvas.project().orElseThrow();
        if (project.category(categoryId).isEmpty()) {
            canvas.messageProperty().set("Add a category first (Categories > Add)");
            return;
        }
        if (project.acceptCandidate(canvas.currentFileProperty().get(), categoryId).isPresent()) {
            canvas.selection().clear();
        } else {
            canvas.messageProperty().set("Nothing to accept: the candidate's mask is empty");
        }
    }

    /** Accepts the candidate, if there is one, then runs {@code next}; see {@link CanvasViewModel#acceptThen}. */
    void acceptThen(Runnable next) {
        if (deferredUntilAccepted(() -> acceptThen(next))) {
            return;
        }
        if (canvas.candidate().filter(c -> !c.isBlank()).isPresent()) {
            accept();
            if (deferredUntilAccepted(() -> acceptThen(next))
                    || canvas.candidate().filter(c -> !c.isBlank()).isPresent()) {
                return;
            }
        }
        next.run();
    }
}
