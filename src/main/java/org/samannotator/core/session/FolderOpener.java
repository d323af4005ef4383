package org.samannotator.core.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.samannotator.core.annotation.FolderLock;
import org.samannotator.core.annotation.ProjectFileException;

/**
 * How the session opens folders: reading one ({@link FolderOpening#prepare}: listing, lock, project) now or
 * on one background thread, then handing it to the session's {@link Replacement} on the session thread.
 *
 * <p>In the background only the latest request counts: a folder read for a request that a later one (or
 * {@link #close()}) replaced releases its lock and is dropped, and a request for the folder being read
 * already is ignored. The folder open now stays usable meanwhile. Reopening the open folder is always done
 * at once, after its pending save is written, so that no change made meanwhile can be lost.
 *
 * <p>Called on the session thread only; {@link #close()} from any thread.
 */
final class FolderOpener implements AutoCloseable {
    /** The session's side: leaves the open folder for {@code opening} (read holding {@code heldLock}) if allowed. */
    interface Replacement {
        FolderOutcome replace(FolderOpening opening, FolderLock heldLock, BooleanSupplier savedBeforeLeaving);
    }

    private final Executor sessionThread;
    private final SessionStatus status;
    private final Supplier<OpenFolder> openNow;
    private final Replacement replacement;
    private final ExecutorService reader =
            Executors.newSingleThreadExecutor(DaemonThreads.named("folder-reader", Thread.NORM_PRIORITY));
    /** The number of the latest background request; results of earlier ones are dropped. */
    private volatile long latest;
    /** The folder of the latest background request while it is read, else null. */
    private Path reading;
    private volatile boolean closed;

    /** {@code openNow}: the session's open folder (null when none); {@code status} says "Opening FOLDER..." meanwhile. */
    FolderOpener(Executor sessionThread, SessionStatus status, Supplier<OpenFolder> openNow, Replacement replacement) {
        this.sessionThread = sessionThread;
        this.status = status;
        this.openNow = openNow;
        this.replacement = replacement;
    }

    /**
     * Reads {@code path} now and replaces the open folder with it (see {@link AnnotationSession#openFolder});
     * a folder being read in the background for an earlier request is dropped.
     */
    FolderOutcome open(Path path, BooleanSupplier savedBeforeLeaving) {
        Path dir = path.toAbsolutePath().normalize();
        latest++; // a folder still being read in the background is no longer wanted
        reading = null;
        OpenFolder open = openNow.get();
        FolderLock heldLock = open != null && open.folder().equals(dir) ? open.lock() : null;
        if (open != null && open.folder().equals(dir)) {
            try {
                // reopening the open folder: its changes must be on disk before the file is read again, and
                // no save of ours may be writing meanwhile
                open.autosaver().flush();
            } catch (IllegalStateException e) {
                return new FolderOutcome(false, Optional.of("Cannot open " + dir + " again while its last changes"
                        + " are being saved (" + e.getMessage() + "). Try again in a moment."));
            }
        }
        try {
            return replacement.replace(FolderOpening.prepare(dir, heldLock), heldLock, savedBeforeLeaving);
        } catch (IOException | ProjectFileException e) {
            return failure(dir, e);
        }
    }

    /**
     * Reads {@code path} on the reader thread; then, on the session thread and only if no later request
     * came, replaces the open folder with it and gives {@code done} the outcome. Returns false when the
     * folder is being read already (nothing more happens for this call).
     */
    boolean openInBackground(Path path, BooleanSupplier savedBeforeLeaving, Consumer<FolderOutcome> done) {
        Path dir = path.toAbsolutePath().normalize();
        OpenFolder open = openNow.get();
        if (open != null && open.folder().equals(dir)) {
            done.accept(open(dir, savedBeforeLeaving));
            return true;
        }
        if (closed || dir.equals(reading)) {
            return false;
        }
        long request = ++latest;
        reading = dir;
        String before = status.message();
        status.message("Opening " + dir + "...");
        Consumer<FolderOutcome> restoringMessage = outcome -> {
            if (!outcome.opened() && status.message().startsWith("Opening ")) {
                status.message(before); // the folder open before stays; so does what the status bar said of it
            }
            done.accept(outcome);
        };
        reader.execute(() -> {
            FolderOpening opening = null;
            Exception error = null;
            try {
                opening = FolderOpening.prepare(dir, null);
            } catch (IOException | ProjectFileException e) {
                error = e;
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(FolderOpener.class).error("Reading {} failed", dir, e);
                error = e;
            } catch (OutOfMemoryError e) {
                error = new IOException("not enough memory to read it (" + e.getMessage() + "); start the app with"
                        + " more memory (-Xmx)", e);
            }
            FolderOpening read = opening;
            Exception problem = error;
            sessionThread.execute(() -> deliver(request, dir, read, problem, savedBeforeLeaving, restoringMessage));
        });
        return true;
    }

    private void deliver(long request, Path dir, FolderOpening opening, Exception error,
            BooleanSupplier savedBeforeLeaving, Consumer<FolderOutcome> done) {
        if (request != latest || closed) {
            if (opening != null) {
                opening.releaseLockUnless(null);
            }
            return;
        }
        reading = null;
        done.accept(opening != null ? replacement.replace(opening, null, savedBeforeLeaving) : failure(dir, error));
    }

    private static FolderOutcome failure(Path dir, Exception e) {
        return new FolderOutcome(false, Optional.of(FolderOpening.describeFailure(dir, e)));
    }

    /** The folder being read in the background for the latest request, if any. */
    Optional<Path> reading() {
        return Optional.ofNullable(reading);
    }

    /** Drops every background request not delivered yet (their locks are released when their reads end). */
    @Override
    public void close() {
        closed = true;
        latest++;
        reader.shutdown();
    }
}
