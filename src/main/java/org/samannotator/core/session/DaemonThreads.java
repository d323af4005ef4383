package org.samannotator.core.session;

import java.util.concurrent.ThreadFactory;

/** Thread factories for the session's background executors: daemon threads with a name and priority. */
final class DaemonThreads {
    private DaemonThreads() {
    }

    static ThreadFactory named(String name, int priority) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            thread.setPriority(priority);
            return thread;
        };
    }
}
