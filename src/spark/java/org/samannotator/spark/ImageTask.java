package org.samannotator.spark;

import java.io.Serializable;

/**
 * One image of the run: its fully qualified URI and its {@code image_id}, the 1-based position in the run's
 * list (a folder's images sorted by name, as {@code auto} numbers them, or a list file's order).
 */
record ImageTask(String uri, long imageId) implements Serializable {
    /** The last path segment: the name written into the JSON and from which the output name derives. */
    String fileName() {
        return new org.apache.hadoop.fs.Path(uri).getName();
    }
}
