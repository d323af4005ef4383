package org.samannotator.core.auto;

/** Progress of one generation: grid prompts done (decoded or skipped) out of all prompts of all crops. */
@FunctionalInterface
public interface AmgProgress {
    AmgProgress NONE = (done, total) -> { };

    void onProgress(int promptsDone, int promptsTotal);
}
