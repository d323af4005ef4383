package org.samannotator.gui;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The "UI thread" of view-model tests: callbacks from background work are queued and run on the test thread
 * when it waits, so view models are only ever touched by one thread, as with the JavaFX thread.
 */
public final class QueueExecutor implements Executor {
    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable command) {
        queue.add(command);
    }

    /** Runs queued callbacks until {@code condition} holds; fails the test after {@code timeout}. */
    public void runUntil(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("timed out waiting for " + what);
            }
            try {
                Runnable next = queue.poll(left, TimeUnit.NANOSECONDS);
                if (next != null) {
                    next.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
        }
    }

    /** Runs the callbacks queued so far. */
    public void drain() {
        Runnable next;
        while ((next = queue.poll()) != null) {
            next.run();
        }
    }
}
