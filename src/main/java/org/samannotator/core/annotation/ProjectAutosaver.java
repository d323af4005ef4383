package org.samannotator.core.annotation;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Saves a project after every persistent change, on one background thread. Requests coalesce: while a save
 * runs, only the newest pending snapshot is kept, so the file always ends up with the latest state. A failed
 * save is reported as {@link SaveStatus.State#FAILED} (the in-memory project is untouched) and retried with
 * the next change. Before the project is left (window closed, another folder opened) callers use
 * {@link #hasUnsavedChanges()} and {@link #saveNowOrFail()}, so a failed save is never silently lost.
 * Status callbacks run on the saver thread.
 */
public final class ProjectAutosaver implements ProjectListener, AutoCloseable {
    /** How long {@link #flush()} and {@link #saveNowOrFail()} wait for the saver thread. */
    public static final long TIMEOUT_SECONDS = 30;

    private final AnnotationProject project;
    private final ProjectStore store;
    private final Consumer<SaveStatus> statusListener;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "project-autosave");
        thread.setDaemon(true);
        return thread;
    });
    private final Object lock = new Object();
    private Snapshot pending;
    /** Version of the newest requested state, and of the newest state written successfully. */
    private long requestedVersion;
    private long savedVersion;

    private record Snapshot(ProjectData data, long version) {
    }

    public ProjectAutosaver(AnnotationProject project, ProjectStore store, Consumer<SaveStatus> statusListener) {
        this.project = project;
        this.store = store;
        this.statusListener = statusListener;
        project.addListener(this);
    }

    @Override
    public void projectChanged(ProjectChange change) {
        if (change.persistent()) {
            requestSave();
        }
    }

    /** Schedules a save of the project's current state. Call on the project's thread. */
    public void requestSave() {
        boolean schedule;
        synchronized (lock) {
            schedule = pending == null;
            pending = new Snapshot(project.snapshot(), ++requestedVersion);
        }
        if (schedule) {
            executor.execute(this::saveLatest);
        }
    }

    /** True while some requested state has not been written successfully (pending, running or failed). */
    public boolean hasUnsavedChanges() {
        synchronized (lock) {
            return savedVersion < requestedVersion;
        }
    }

    /**
     * Writes the project's current state now and waits for it (call on the project's thread). Throws
     * {@link ProjectFileException} naming the file and the reason when the save fails, or
     * {@link IllegalStateException} when the saver thread does not finish within {@value #TIMEOUT_SECONDS} s.
     */
    public void saveNowOrFail() {
        Snapshot snapshot;
        synchronized (lock) {
            snapshot = new Snapshot(project.snapshot(), ++requestedVersion);
            pending = null;
        }
        Future<?> done = executor.submit(() -> write(snapshot));
        try {
            done.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("saving " + store.projectFile() + " did not finish within "
                    + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while saving " + store.projectFile(), e);
        }
    }

    /** Forgets the changes not written yet: {@link #hasUnsavedChanges()} is false until the next change. */
    public void discardUnsavedChanges() {
        synchronized (lock) {
            pending = null;
            savedVersion = requestedVersion;
        }
    }

    private void saveLatest() {
        Snapshot snapshot;
        synchronized (lock) {
            snapshot = pending;
            pending = null;
        }
        if (snapshot == null) {
            return;
        }
        try {
            write(snapshot);
        } catch (RuntimeException e) {
            // Already reported as FAILED; the next change or saveNowOrFail retries.
        }
    }

    /** Writes on the saver thread, reporting the status; rethrows the failure. */
    private void write(Snapshot snapshot) {
        statusListener.accept(SaveStatus.saving());
        try {
            store.save(snapshot.data());
        } catch (RuntimeException e) {
            statusListener.accept(SaveStatus.failed(e.getMessage()));
            throw e;
        }
        synchronized (lock) {
            savedVersion = Math.max(savedVersion, snapshot.version());
        }
        statusListener.accept(SaveStatus.saved());
    }

    /**
     * Waits until every requested save has been written (or has failed); {@link IllegalStateException} when
     * that takes longer than {@value #TIMEOUT_SECONDS} s.
     */
    public void flush() {
        try {
            executor.submit(() -> { }).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("autosave did not finish: interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("autosave did not finish: " + e.getMessage(), e);
        }
    }

    /** Stops listening and waits for pending saves; never throws (a timeout leaves the saver thread running). */
    @Override
    public void close() {
        project.removeListener(this);
        try {
            flush();
        } catch (IllegalStateException e) {
            // The daemon saver thread keeps going on its own; callers checked hasUnsavedChanges() before.
        }
        executor.shutdown();
    }
}
