package org.samannotator.core.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 content hashes for cache keys, as 64 lower-case hex characters. The file hash and the pixel hash
 * are different keys for the same picture: use one consistently per cache.
 */
public final class ImageHashing {
    private static final int BUFFER_BYTES = 1 << 16;
    private static final int PIXELS_PER_CHUNK = 1 << 14;

    private ImageHashing() {
    }

    /** SHA-256 of the file's bytes, streamed (constant memory). */
    public static String contentHash(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER_BYTES];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new IOException("Cannot hash " + file + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * SHA-256 of the decoded pixels: width and height as big-endian int32, then each 0xAARRGGBB pixel as a
     * big-endian int32, row-major. Independent of the file format the image came from.
     */
    public static String contentHash(RgbImage image) {
        MessageDigest digest = sha256();
        ByteBuffer buffer = ByteBuffer.allocate(Integer.BYTES * PIXELS_PER_CHUNK);
        buffer.putInt(image.width()).putInt(image.height());
        for (int pixel : image.argb()) {
            if (!buffer.hasRemaining()) {
                digest.update(buffer.flip());
                buffer.clear();
            }
            buffer.putInt(pixel);
        }
        digest.update(buffer.flip());
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
