package org.samannotator.core.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.samannotator.core.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A remembered SHA-256 of a model file, valid only while the file keeps the absolute path, size and
 * modification time recorded with it, so a 28 MB encoder is not rehashed on every start. It is kept in
 * {@code <file>.sha256} beside the file and, when that cannot be written (a read-only install such as
 * {@code /opt/sam-annotator} or {@code Program Files}), in the per-user cache
 * ({@link UserCacheDirectory}{@code /model-hashes/<sha256 of the absolute path>.sha256}). A stale,
 * unreadable or malformed entry is ignored (the file is rehashed). Format: {@code key=value} lines
 * {@code sha256}, {@code size}, {@code mtime} (ISO-8601 instant) and, in the user cache, {@code path}.
 */
final class HashSidecar {
    static final String SUFFIX = ".sha256";
    static final String USER_CACHE_FOLDER = "model-hashes";
    private static final Logger LOG = LoggerFactory.getLogger(HashSidecar.class);

    private HashSidecar() {
    }

    /** The file's SHA-256, with the per-user cache in its standard place. */
    static String currentHash(Path file) throws IOException {
        return currentHash(file, UserCacheDirectory.locate());
    }

    /**
     * The file's SHA-256: from the sidecar or the user cache entry matching its current path, size and mtime,
     * else computed (and remembered).
     */
    static String currentHash(Path file, Path userCache) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        Optional<String> cached = cachedHash(sidecarOf(file), null, attributes)
                .or(() -> cachedHash(userEntryOf(file, userCache), absolute(file), attributes));
        if (cached.isPresent()) {
            return cached.get();
        }
        String hash = Sha256.hashFile(file);
        remember(file, hash, userCache);
        return hash;
    }

    /** Records the hash of a file just written and verified; failure to write it is only logged. */
    static void remember(Path file, String sha256) {
        remember(file, sha256, UserCacheDirectory.locate());
    }

    static void remember(Path file, String sha256, Path userCache) {
        Path sidecar = sidecarOf(file);
        try {
            AtomicFiles.writeBytes(sidecar, entry(file, sha256, false).getBytes(StandardCharsets.UTF_8));
            return;
        } catch (IOException e) {
            LOG.debug("cannot write hash sidecar " + sidecar + " (" + e.getMessage()
                    + "); using the user cache");
        }
        Path userEntry = userEntryOf(file, userCache);
        try {
            AtomicFiles.writeBytes(userEntry, entry(file, sha256, true).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warn("cannot remember the hash of " + file + " in " + userEntry + ": " + e.getMessage());
        }
    }

    static Path sidecarOf(Path file) {
        return file.resolveSibling(file.getFileName() + SUFFIX);
    }

    /** The user cache entry of {@code file}: named by the SHA-256 of its absolute path. */
    static Path userEntryOf(Path file, Path userCache) {
        String name = Sha256.hashBytes(absolute(file).getBytes(StandardCharsets.UTF_8));
        return userCache.resolve(USER_CACHE_FOLDER).resolve(name + SUFFIX);
    }

    private static String absolute(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    private static String entry(Path file, String sha256, boolean withPath) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return "sha256=" + sha256 + "\nsize=" + attributes.size() + "\nmtime="
                + attributes.lastModifiedTime().toInstant() + "\n" + (withPath ? "path=" + absolute(file) + "\n" : "");
    }

    /** The hash in {@code entry} if it matches the file's size, mtime and (when given) absolute path. */
    private static Optional<String> cachedHash(Path entry, String expectedPath, BasicFileAttributes attributes) {
        if (!Files.isRegularFile(entry)) {
            return Optional.empty();
        }
        try {
            Map<String, String> values = new HashMap<>();
            for (String line : Files.readAllLines(entry, StandardCharsets.UTF_8)) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    values.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
                }
            }
            boolean fresh = String.valueOf(attributes.size()).equals(values.get("size"))
                    && attributes.lastModifiedTime().toInstant().toString().equals(values.get("mtime"))
                    && (expectedPath == null || expectedPath.equals(values.get("path")));
            String hash = values.get("sha256");
            return fresh && Sha256.isHex64(hash) ? Optional.of(hash) : Optional.empty();
        } catch (IOException e) {
            LOG.debug("cannot read hash sidecar {}, the file will be hashed: {}", entry, e.toString());
            return Optional.empty();
        }
    }
}
