package org.samannotator.gui.engine;

import java.nio.file.Path;

/** A request to the {@link ModelWorker} to open {@code file}; {@code generation} detects stale results. */
record OpenRequest(Path file, ImageCallbacks callbacks, long generation) {
}
