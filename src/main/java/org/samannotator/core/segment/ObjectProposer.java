package org.samannotator.core.segment;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.geometry.Size;

/**
 * Finds the objects of an image on its own ("segment everything", for pre-annotation): prompts a grid of
 * single points and keeps the confident, stable, distinct masks. Implemented by {@code core.auto}'s automatic
 * mask generator; the session gives it a decoder of point batches that queues each batch on the model thread
 * behind the user's own requests, so one proposal run is many small jobs.
 */
public interface ObjectProposer {
    /** Told after every batch: prompts done of total. */
    @FunctionalInterface
    interface Progress {
        void update(int done, int total);
    }

    /**
     * Proposes the objects of an image of {@code imageSize}, calling {@code decodeBatch} (single foreground
     * points in original pixels, answered in order) from the calling thread.
     *
     * @throws CancellationException when {@code cancelled} turned true (polled before every batch)
     */
    List<ProposedObject> propose(Size imageSize, Function<List<ImagePoint>, List<PointMasks>> decodeBatch,
            Progress progress, BooleanSupplier cancelled);
}
