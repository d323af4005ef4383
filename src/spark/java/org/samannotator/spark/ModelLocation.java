package org.samannotator.spark;

import java.io.Serializable;

/**
 * Where the executors find the model, as the driver resolved it: the models folder (a local or shared path, or
 * any Hadoop URI; files shipped with {@code --files} are looked for first), the model id, and the ONNX Runtime
 * intra-op threads of each session run (= cores per task).
 */
record ModelLocation(String modelsUri, String modelId, int threads) implements Serializable {
    ModelLocation {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** The key of the per-JVM model holder. */
    String key() {
        return modelsUri + "|" + modelId + "|" + threads;
    }
}
