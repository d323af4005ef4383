package org.samannotator.core.session;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A unit of work for the model thread, ordered by {@link Priority} then by submission order, so a
 * {@code PriorityBlockingQueue} serves opening an image before the user's decodes, those before the hover
 * preview, and all of them before background jobs (pre-annotation).
 */
final class ModelTask implements Runnable, Comparable<ModelTask> {
    /** Lower runs first. */
    enum Priority { OPEN_IMAGE, DECODE, HOVER, BACKGROUND }

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Priority priority;
    private final long sequence = SEQUENCE.incrementAndGet();
    private final Runnable body;

    ModelTask(Priority priority, Runnable body) {
        this.priority = priority;
        this.body = body;
    }

    @Override
    public void run() {
        body.run();
    }

    @Override
    public int compareTo(ModelTask other) {
        int byPriority = priority.compareTo(other.priority);
        return byPriority != 0 ? byPriority : Long.compare(sequence, other.sequence);
    }
}
