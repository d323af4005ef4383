package org.samannotator.core.segment;

/** Opens the {@link Segmenter}; called once, on the model thread (loading takes a second or two). */
@FunctionalInterface
public interface SegmenterSource {
    Segmenter open() throws Exception;
}
