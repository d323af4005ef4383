package org.samannotator.core.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Premature-EOF check for uncompressed BMP files: the JDK's BMP reader fills missing rows with black
 * without a warning when it decodes with source subsampling, so the file length is compared with what the
 * header declares (pixel data offset + row stride * rows) before decoding.
 */
final class BmpLengthCheck {
    private static final int HEADER_BYTES = 34;
    private static final int BI_RGB = 0;
    private static final int BI_BITFIELDS = 3;

    private BmpLengthCheck() {
    }

    /** A problem description when the uncompressed pixel data is shorter than declared; empty otherwise. */
    static Optional<String> missingData(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            while (header.hasRemaining() && channel.read(header) >= 0) {
                // read the fixed header fields
            }
            if (header.hasRemaining() || header.get(0) != 'B' || header.get(1) != 'M') {
                return Optional.empty();
            }
            long offset = Integer.toUnsignedLong(header.getInt(10));
            long width = Math.abs((long) header.getInt(18));
            long height = Math.abs((long) header.getInt(22));
            int bitsPerPixel = header.getShort(28);
            int compression = header.getInt(30);
            if (compression != BI_RGB && compression != BI_BITFIELDS) {
                return Optional.empty();
            }
            long required = offset + (width * bitsPerPixel + 31) / 32 * 4 * height;
            long actual = channel.size();
            return actual < required ? Optional.of("premature end of file: " + actual + " of the " + required
                    + " bytes the header declares") : Optional.empty();
        }
    }
}
