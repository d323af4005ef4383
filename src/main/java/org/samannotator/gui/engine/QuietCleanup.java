package org.samannotator.gui.engine;

/** Best-effort shutdown steps for the {@link ModelWorker}'s threads and native resources. */
final class QuietCleanup {
    private QuietCleanup() {
    }

    /** Waits up to 30 s for {@code other} to end; an interrupt is kept on the calling thread. */
    static void join(Thread other) {
        try {
            other.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes {@code closeable} if not null, ignoring failures. */
    static void close(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                // Native memory is released on a best-effort basis at shutdown.
            }
        }
    }
}
