package org.samannotator.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** SHA-256 helpers: lower-case hex digests of files and streams, and a check for the 64-hex-digit form. */
public final class Sha256 {
    private static final Pattern HEX_64 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final int BUFFER_SIZE = 1 << 16;

    private Sha256() {
    }

    /** A fresh SHA-256 digest (always available on every Java platform). */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
        }
    }

    /** The SHA-256 of the file's bytes, streamed (the file is never loaded whole), as 64 lower-case hex digits. */
    public static String hashFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return hashStream(in);
        }
    }

    /** The SHA-256 of everything remaining in the stream, as 64 lower-case hex digits. Does not close it. */
    public static String hashStream(InputStream in) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[BUFFER_SIZE];
        int read;
        while ((read = in.read(buffer)) != -1) {
            digest.update(buffer, 0, read);
        }
        return toHex(digest);
    }

    /** The SHA-256 of a byte array as 64 lower-case hex digits. */
    public static String hashBytes(byte[] bytes) {
        MessageDigest digest = newDigest();
        digest.update(bytes);
        return toHex(digest);
    }

    /** Completes the digest and returns it as lower-case hex. */
    public static String toHex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** True when the text is exactly 64 hexadecimal digits (either case). */
    public static boolean isHex64(String text) {
        return text != null && HEX_64.matcher(text).matches();
    }
}
