package org.samannotator.core.model;

import org.samannotator.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A remembered SHA-256 of a model file in {@code <file>.sha256}, valid only while the file keeps the size and
 * modification time recorded with it, so a 28 MB encoder is not rehashed on every start. A stale, unreadable
 * or malformed sidecar is ignored (the file is rehashed). Format: three {@code key=value} lines
 * {@code sha256}, {@code size}, {@code mtime} (ISO-8601 instant).
 */
final class HashSidecar {
    static final String SUFFIX = ".sha256";
    private static final Logger LOG = LoggerFactory.getLogger(HashSidecar.class);

    private HashSidecar() {
    }

    /** The file's SHA-256: from a sidecar matching its current size and mtime, else computed (and remembered). */
    static String currentHash(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        Optional<String> cached = cachedHash(file, attributes);
        if (cached.isPresent()) {
            return cached.get();
        }
        String hash = Sha256.hashFile(file);
        remember(file, hash);
        return hash;
    }

    /** Records the hash of a file just written and verified; failure to write the sidecar is only logged. */
    static void remember(Path file, String sha256) {
        Path sidecar = sidecarOf(file);
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            String text = "sha256=" + sha256 + "\nsize=" + attributes.size() + "\nmtime="
                    + attributes.lastModifiedTime().toInstant() + "\n";
            AtomicFiles.writeBytes(sidecar, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warn("cannot write hash sidecar " + sidecar + ": " + e.getMessage());
        }
    }

    static Path sidecarOf(Path file) {
        return file.resolveSibling(file.getFileName() + SUFFIX);
    }

    private static Optional<String> cachedHash(Path file, BasicFileAttributes attributes) {
        Path sidecar = sidecarOf(file);
        if (!Files.isRegularFile(sidecar)) {
            return Optional.empty();
        }
        try {
            Map<String, String> values = new HashMap<>();
            for (String line : Files.readAllLines(sidecar, StandardCharsets.UTF_8)) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    values.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
                }
            }
            boolean fresh = String.valueOf(attributes.size()).equals(values.get("size"))
                    && attributes.lastModifiedTime().toInstant().toString().equals(values.get("mtime"));
            String hash = values.get("sha256");
            return fresh && Sha256.isHex64(hash) ? Optional.of(hash) : Optional.empty();
        } catch (IOException e) {
            LOG.debug("cannot read hash sidecar {}, the file will be hashed: {}", sidecar, e.toString());
            return Optional.empty();
        }
    }
}
