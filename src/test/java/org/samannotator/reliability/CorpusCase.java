package org.samannotator.reliability;

import java.nio.file.Path;

/**
 * One generated malformed input and how to run it through a real entry point.
 *
 * @param family     the group in the report, e.g. "PNG image" or "COCO JSON"
 * @param name       what is wrong with the input, e.g. "truncated to 50 %"
 * @param entryPoint the API or command exercised, e.g. "ImageLoader.read"
 * @param check      runs the entry point on a fresh temporary directory, asserts the outcome is clear
 *                   (exception of the project's own type with a message naming the file and saying what to
 *                   do, or a sound result) and returns it for the report
 */
record CorpusCase(String family, String name, String entryPoint, Check check) {
    /** Runs one case in its own directory. */
    @FunctionalInterface
    interface Check {
        Outcome run(Path dir) throws Exception;
    }

    /** How a case ended, for the report. */
    record Outcome(String result, String message) {
        static Outcome of(String result, String message) {
            return new Outcome(result, message == null ? "" : message);
        }
    }
}
