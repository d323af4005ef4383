package org.samannotator.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.samannotator.core.io.FileWriteException;

/**
 * Checks before a long run that the output files' folders can be written (exist or can be created, accept a
 * new file), so a read-only or missing folder is reported at once instead of after minutes of work.
 */
final class OutputFiles {
    private OutputFiles() {
    }

    /** @throws FileWriteException naming the first output whose folder refuses a probe file; nulls are skipped */
    static void checkWritable(Path... outputs) throws FileWriteException {
        for (Path output : outputs) {
            if (output != null) {
                probe(output.toAbsolutePath());
            }
        }
    }

    private static void probe(Path output) throws FileWriteException {
        try {
            Path dir = Files.createDirectories(output.getParent());
            Path probe = Files.createTempFile(dir, ".sam-annotator-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new FileWriteException(output, e);
        }
    }
}
