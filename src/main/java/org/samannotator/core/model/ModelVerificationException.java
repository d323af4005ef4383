package org.samannotator.core.model;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A fetched model file did not match its manifest entry: wrong size (e.g. a truncated download) or wrong
 * SHA-256. The message names the file and gives the expected and the actual size and hash. The bad bytes
 * have already been deleted when this is thrown.
 */
public final class ModelVerificationException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String expectedSha256;
    private final String actualSha256;
    private final long expectedSize;
    private final long actualSize;

    public ModelVerificationException(Path file, long expectedSize, String expectedSha256, long actualSize,
            String actualSha256) {
        super(describe(file, expectedSize, expectedSha256, actualSize, actualSha256));
        this.file = file;
        this.expectedSize = expectedSize;
        this.expectedSha256 = expectedSha256;
        this.actualSize = actualSize;
        this.actualSha256 = actualSha256;
    }

    private static String describe(Path file, long expectedSize, String expectedSha256, long actualSize,
            String actualSha256) {
        String problem = actualSize < expectedSize ? "is truncated"
                : actualSize > expectedSize ? "is larger than expected" : "has the wrong SHA-256";
        return file.getFileName() + " " + problem + ": expected " + expectedSize + " bytes with SHA-256 "
                + expectedSha256 + ", got " + actualSize + " bytes with SHA-256 " + actualSha256;
    }

    /** The final path the file was meant for (nothing has been written there). */
    public Path file() {
        return file;
    }

    public String expectedSha256() {
        return expectedSha256;
    }

    public String actualSha256() {
        return actualSha256;
    }

    public long expectedSize() {
        return expectedSize;
    }

    public long actualSize() {
        return actualSize;
    }
}
