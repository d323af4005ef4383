package org.samannotator.core.session;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Latest-wins coalescing of requests: while one is waiting, a newer request replaces it and the replaced
 * request's future is cancelled. {@link #take()} hands the newest request to the worker.
 *
 * @param <Q> the request
 * @param <R> its result
 */
final class LatestWins<Q, R> {
    /** A request with the future its result completes. */
    record Pending<Q, R>(Q request, CompletableFuture<R> result) {
    }

    private final AtomicReference<Pending<Q, R>> slot = new AtomicReference<>();

    /** Puts {@code request} in the slot (cancelling the one it replaces); returns its future. */
    CompletableFuture<R> offer(Q request) {
        Pending<Q, R> pending = new Pending<>(request, new CompletableFuture<>());
        Pending<Q, R> replaced = slot.getAndSet(pending);
        if (replaced != null) {
            replaced.result().completeExceptionally(new CancellationException("replaced by a newer request"));
        }
        return pending.result();
    }

    /** Runs the newest waiting request (if any) with {@code work}, completing its future. */
    void runNewest(Function<Q, R> work) {
        Pending<Q, R> pending = slot.getAndSet(null);
        if (pending == null) {
            return;
        }
        try {
            pending.result().complete(work.apply(pending.request()));
        } catch (RuntimeException | LinkageError e) {
            pending.result().completeExceptionally(e);
        }
    }

    /** Cancels the waiting request, if any. */
    void cancel() {
        Pending<Q, R> pending = slot.getAndSet(null);
        if (pending != null) {
            pending.result().completeExceptionally(new CancellationException("cancelled"));
        }
    }
}
