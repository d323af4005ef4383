package org.samannotator.core.annotation;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Saves a project after every persistent change, on one background thread. Requests coalesce: while a save
 * runs, only the newest pending snapshot is kept, so the file always ends up with the latest state. A failed
 * save is reported as {@link SaveStatus.State#FAILED} (the in-memory project is untouched) and retried with
 * the next change. Status callbacks run on the saver thread.
 */
public final class ProjectAutosaver implements ProjectListener, AutoCloseable {
    private final AnnotationProject project;
    private final ProjectStore store;
    private final Consumer<SaveStatus> statusListener;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "project-autosave");
        thread.setDaemon(true);
        return thread;
    });
    private final Object lock = new Object();
    private ProjectData pending;

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
            pending = project.snapshot();
        }
        if (schedule) {
            executor.execute(this::saveLatest);
        }
    }

    private void saveLatest() {
        ProjectData data;
        synchronized (lock) {
            data = pending;
            pending = null;
        }
        if (data == null) {
            return;
        }
        statusListener.accept(SaveStatus.saving());
        try {
            store.save(data);
            statusListener.accept(SaveStatus.saved());
        } catch (RuntimeException e) {
            statusListener.accept(SaveStatus.failed(e.getMessage()));
        }
    }

    /** Waits until every requested save has been written (or has failed). */
    public void flush() {
        try {
            executor.submit(() -> { }).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("autosave did not finish: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        project.removeListener(this);
        flush();
        executor.shutdown();
    }
}
