package org.samannotator.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one model file from a stream: bytes go to {@code <file>.part} in the models directory while their
 * SHA-256 is computed; the size and hash are checked against the manifest; only then is the temp file
 * fsynced and atomically renamed to its final name. On any failure the temp file is deleted and nothing
 * appears at the final path.
 */
final class VerifiedFileWriter {
    private static final Logger LOG = LoggerFactory.getLogger(VerifiedFileWriter.class);

    static final String PART_SUFFIX = ".part";
    private static final int BUFFER_SIZE = 1 << 16;
    private static final long PROGRESS_STEP = 1 << 18;

    private VerifiedFileWriter() {
    }

    /**
     * Copies {@code source} (not closed) into {@code modelsDir/spec.file()} if it matches {@code spec}.
     *
     * @return the final path of the verified file
     * @throws ModelVerificationException when size or SHA-256 differ (temp file deleted)
     */
    static Path install(InputStream source, ModelFileSpec spec, Path modelsDir, FetchProgressListener listener,
            String phase) throws IOException {
        Files.createDirectories(modelsDir);
        Path target = modelsDir.resolve(spec.file());
        Path part = modelsDir.resolve(spec.file() + PART_SUFFIX);
        boolean moved = false;
        try {
            MessageDigest digest = Sha256.newDigest();
            long written = copyHashing(source, part, digest, spec.size(), listener, phase);
            String actualHash = Sha256.toHex(digest);
            if (written != spec.size() || !actualHash.equalsIgnoreCase(spec.sha256())) {
                Files.deleteIfExists(part);
                throw new ModelVerificationException(target, spec.size(), spec.sha256().toLowerCase(java.util.Locale.ROOT), written,
                        actualHash);
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
            syncDirectory(modelsDir);
            HashSidecar.remember(target, actualHash);
            return target;
        } finally {
            if (!moved) {
                Files.deleteIfExists(part);
            }
        }
    }

    private static long copyHashing(InputStream source, Path part, MessageDigest digest, long expectedSize,
            FetchProgressListener listener, String phase) throws IOException {
        long written = 0;
        long nextReport = 0;
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buffer = new byte[BUFFER_SIZE];
            int read;
            while ((read = source.read(buffer)) != -1) {
                digest.update(buffer, 0, read);
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
                while (chunk.hasRemaining()) {
                    channel.write(chunk);
                }
                written += read;
                if (written >= nextReport) {
                    listener.onProgress(written, expectedSize, phase);
                    nextReport = written + PROGRESS_STEP;
                }
            }
            channel.force(true);
        }
        listener.onProgress(written, expectedSize, phase);
        return written;
    }

    /** Makes the rename durable where the platform allows opening a directory (not on Windows). */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: some platforms cannot fsync a directory
            LOG.debug("cannot fsync folder {}: {}", directory, e.toString());
        }
    }
}
