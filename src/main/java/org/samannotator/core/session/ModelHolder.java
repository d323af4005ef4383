package org.samannotator.core.session;

import java.util.Optional;
import java.util.function.Consumer;
import org.samannotator.core.segment.Segmenter;
import org.samannotator.core.segment.SegmenterSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The segmenter, opened on first use on the model thread (so the first image shows before the model is
 * ready) and reported through the status callback: "Loading model...", "Model X ready", or why it is
 * unavailable. A failed load is not retried; every later request fails with its reason.
 */
final class ModelHolder {
    private static final Logger LOG = LoggerFactory.getLogger(ModelHolder.class);

    private final SegmenterSource source;
    private final Consumer<ModelStatus> status;
    private volatile Segmenter segmenter;
    private volatile String failure;

    ModelHolder(SegmenterSource source, Consumer<ModelStatus> status) {
        this.source = source;
        this.status = status;
    }

    /** The segmenter, loading it now if needed (model thread only); throws when it is unavailable. */
    Segmenter segmenter() {
        if (segmenter == null && failure == null) {
            load();
        }
        if (segmenter == null) {
            throw new SessionException(failure);
        }
        return segmenter;
    }

    /** The segmenter if it is loaded, for the pre-encoder (which never loads it). */
    Optional<Segmenter> loaded() {
        return Optional.ofNullable(segmenter);
    }

    /** Why the model is unavailable, once a load failed. */
    Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    private void load() {
        status.accept(new ModelStatus(ModelStatus.State.LOADING, "Loading model..."));
        try {
            Segmenter opened = source.open();
            segmenter = opened;
            status.accept(new ModelStatus(ModelStatus.State.READY, "Model " + opened.modelId() + " ready"));
        } catch (Exception | LinkageError e) {
            LOG.error("The model could not be loaded", e);
            failure = "Model unavailable: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            status.accept(new ModelStatus(ModelStatus.State.UNAVAILABLE, failure));
        }
    }

    /** Releases the model; when {@code safe} is false another thread may still use it and it is left open. */
    void close(boolean safe) {
        Segmenter open = segmenter;
        if (open == null) {
            return;
        }
        if (!safe) {
            LOG.warn("The pre-encoder is still running: the model is left to the process exit");
            return;
        }
        try {
            open.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing the model failed", e);
        }
    }
}
