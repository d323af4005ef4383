package org.samannotator.core.session;

/**
 * The session's pre-annotation and suggestion commands ({@code session.suggestions()}): Image > Pre-annotate
 * and Pre-annotate folder (run in the background by {@link Preannotations}), cancel, and the review keys
 * (accept one or all, reject one or all, next / previous). Session thread only.
 */
public final class SessionSuggestions {
    private final AnnotationSession session;
    private final Preannotator preannotator;
    private final Preannotations preannotations;

    /** {@code preannotator} and {@code preannotations} are null when no proposer is available. */
    SessionSuggestions(AnnotationSession session, Preannotator preannotator, Preannotations preannotations) {
        this.session = session;
        this.preannotator = preannotator;
        this.preannotations = preannotations;
    }

    /** Image > Pre-annotate: proposes the current image's objects in the background, stored as suggestions. */
    public void preannotate() {
        if (preannotations == null) {
            session.status().message("Pre-annotation is not available");
        } else if (session.imageState() != ImageState.READY || session.displayImage().isEmpty()
                || session.project().isEmpty()) {
            session.status().message("Pre-annotate needs an image ready for prompts");
        } else {
            preannotations.currentImage(session.project().get(), session.currentFile().orElseThrow(),
                    session.displayImage().get().originalSize());
        }
    }

    /** Image > Pre-annotate folder: every image not done and without objects or suggestions, in the background. */
    public void preannotateFolder() {
        if (preannotations == null || session.project().isEmpty()) {
            session.status().message(session.project().isEmpty() ? "Open a folder first"
                    : "Pre-annotation is not available");
            return;
        }
        preannotations.folder(session.project().get(), session.folder().orElseThrow(), session.files(),
                () -> session.currentFile().orElse(null), session.status()::save);
    }

    public void cancelPreannotation() {
        if (preannotations != null) {
            preannotations.cancel();
        }
    }

    public boolean isPreannotating() {
        return preannotations != null && preannotations.isRunning();
    }

    /** Y: accepts the selected suggestion (else the first) with its category or the current one. */
    public void accept() {
        if (!session.heldUntilAccepted(this::accept)) {
            session.review().ifPresent(r -> r.accept(session.currentCategoryId()));
        }
    }

    /** Shift+Y: accepts every suggestion of the image. */
    public void acceptAll() {
        if (!session.heldUntilAccepted(this::acceptAll)) {
            session.review().ifPresent(r -> r.acceptAll(session.currentCategoryId()));
        }
    }

    /** X: rejects the selected suggestion (else the first). */
    public void reject() {
        session.review().ifPresent(SuggestionReview::reject);
    }

    /** Shift+X: rejects every suggestion of the image. */
    public void rejectAll() {
        session.review().ifPresent(SuggestionReview::rejectAll);
    }

    /** N / Shift+N: selects the next / previous suggestion. */
    public void next(int step) {
        session.review().ifPresent(r -> r.move(step));
    }

    /** Cancels a run and stops the pre-annotation thread (the session closes). */
    void close() {
        if (preannotator != null) {
            cancelPreannotation();
            preannotator.close();
        }
    }
}
