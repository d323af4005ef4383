package org.samannotator.gui.engine;

import java.util.function.Consumer;
import org.samannotator.core.prompt.Prompt;
import org.samannotator.core.sam.Prediction;

/**
 * A request to the {@link ModelWorker} to decode {@code prompt} (ORIGINAL image pixel coordinates) on the
 * current image; {@code generation} detects results for an image that is no longer current.
 */
record DecodeRequest(Prompt prompt, Consumer<Prediction> onResult, Consumer<String> onError, long generation) {
}
