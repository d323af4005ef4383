package org.samannotator.core.session;

import java.util.concurrent.ThreadFactory;

/**
 * Thread factories for the session's background executors: daemon threads with a name, a priority and a
 * {@link #STACK_BYTES} stack (ONNX Runtime runs on the calling thread's stack: with the JVM's default 1 MB,
 * loading the model crashed the whole process with SIGSEGV, no hs_err file, when the command line was long).
 */
final class DaemonThreads {
    /** Stack of the threads that call the model. */
    static final long STACK_BYTES = 16L << 20;

    private DaemonThreads() {
    }

    static ThreadFactory named(String name, int priority) {
        return runnable -> {
            Thread thread = new Thread(null, runnable, name, STACK_BYTES);
            thread.setDaemon(true);
            thread.setPriority(priority);
            return thread;
        };
    }
}
