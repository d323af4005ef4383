package org.samannotator.core.model;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A minimal streaming reader of (uncompressed) tar archives, enough for npm package tarballs: 512-byte
 * headers with octal (or base-256) sizes and header checksums, the ustar {@code prefix} field, GNU long names
 * (type {@code 'L'}) and the {@code path} record of pax extended headers (type {@code 'x'}). Other entry types
 * are returned with their type flag so callers can skip them. Truncated archives and corrupt headers raise an
 * {@link IOException} naming the archive.
 */
public final class TarReader implements AutoCloseable {
    private static final int BLOCK = 512;

    /** One archive member: its path inside the archive, its size in bytes and its tar type flag. */
    public record Entry(String name, long size, char type) {
        /** True for regular files (type '0' or the old NUL flag). */
        public boolean isFile() {
            return type == '0' || type == '\0';
        }
    }

    private final InputStream in;
    private final String archiveName;
    private long remainingInEntry;
    private long paddingAfterEntry;

    /**
     * @param in the uncompressed tar stream (wrap a .tgz in a {@code GZIPInputStream}); closed by {@link #close()}
     * @param archiveName used in error messages
     */
    public TarReader(InputStream in, String archiveName) {
        this.in = in;
        this.archiveName = archiveName;
    }

    /** Advances to the next member, skipping any unread data of the current one; empty at the end of the archive. */
    public Optional<Entry> next() throws IOException {
        skipRestOfEntry();
        String longName = null;
        while (true) {
            byte[] header = new byte[BLOCK];
            if (!readBlockOrEnd(header) || isZeroBlock(header)) {
                return Optional.empty();
            }
            verifyChecksum(header);
            String name = headerName(header);
            long size = parseNumber(header, 124, 12, "size");
            char type = (char) (header[156] & 0xff);
            startEntry(size);
            if (type == 'L') {
                longName = trimNul(new String(readEntryFully(size), StandardCharsets.UTF_8));
            } else if (type == 'x') {
                String paxPath = paxPath(readEntryFully(size));
                longName = paxPath != null ? paxPath : longName;
            } else if (type == 'g') {
                skipRestOfEntry();
            } else {
                return Optional.of(new Entry(longName != null ? longName : name, size, type));
            }
        }
    }

    /** The data of the current member (ends at its size); valid until the next call to {@link #next()}. */
    public InputStream entryStream() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return readEntryData(buffer, offset, length);
            }
        };
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private int readEntryData(byte[] buffer, int offset, int length) throws IOException {
        if (remainingInEntry == 0) {
            return -1;
        }
        int read = in.read(buffer, offset, (int) Math.min(length, remainingInEntry));
        if (read == -1) {
            throw new EOFException(archiveName + " is truncated: " + remainingInEntry + " bytes of an entry missing");
        }
        remainingInEntry -= read;
        return read;
    }

    private void startEntry(long size) {
        remainingInEntry = size;
        paddingAfterEntry = (BLOCK - size % BLOCK) % BLOCK;
    }

    private byte[] readEntryFully(long size) throws IOException {
        if (size > 1 << 20) {
            throw new IOException(archiveName + ": extended header of " + size + " bytes is implausibly large");
        }
        byte[] data = new byte[(int) size];
        int done = 0;
        while (done < data.length) {
            int read = readEntryData(data, done, data.length - done);
            done += read;
        }
        skipRestOfEntry();
        return data;
    }

    private void skipRestOfEntry() throws IOException {
        skipExactly(remainingInEntry + paddingAfterEntry);
        remainingInEntry = 0;
        paddingAfterEntry = 0;
    }

    private void skipExactly(long count) throws IOException {
        byte[] scratch = new byte[8192];
        long left = count;
        while (left > 0) {
            int read = in.read(scratch, 0, (int) Math.min(scratch.length, left));
            if (read == -1) {
                throw new EOFException(archiveName + " is truncated: ended " + left + " bytes early");
            }
            left -= read;
        }
    }

    private boolean readBlockOrEnd(byte[] block) throws IOException {
        int done = 0;
        while (done < BLOCK) {
            int read = in.read(block, done, BLOCK - done);
            if (read == -1) {
                if (done == 0) {
                    return false;
                }
                throw new EOFException(archiveName + " is truncated inside a header block");
            }
            done += read;
        }
        return true;
    }

    private static boolean isZeroBlock(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private void verifyChecksum(byte[] header) throws IOException {
        long stored = parseNumber(header, 148, 8, "checksum");
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < BLOCK; i++) {
            byte b = (i >= 148 && i < 156) ? (byte) ' ' : header[i];
            unsigned += b & 0xff;
            signed += b;
        }
        if (stored != unsigned && stored != signed) {
            throw new IOException(archiveName + ": corrupt tar header (checksum " + stored + ", computed "
                    + unsigned + ")");
        }
    }

    private static String headerName(byte[] header) {
        String name = field(header, 0, 100);
        boolean ustar = field(header, 257, 5).equals("ustar");
        String prefix = ustar ? field(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private long parseNumber(byte[] header, int offset, int length, String fieldName) throws IOException {
        if ((header[offset] & 0x80) != 0) {
            long value = header[offset] & 0x7f;
            for (int i = offset + 1; i < offset + length; i++) {
                value = (value << 8) | (header[i] & 0xff);
            }
            return value;
        }
        String text = field(header, offset, length).trim();
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(text, 8);
        } catch (NumberFormatException e) {
            throw new IOException(archiveName + ": corrupt tar header, " + fieldName + " field '" + text
                    + "' is not octal");
        }
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static String trimNul(String text) {
        int nul = text.indexOf('\0');
        return nul >= 0 ? text.substring(0, nul) : text;
    }

    /** The "path" value of pax records "<length> <key>=<value>\n", or null when absent. */
    private static String paxPath(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            int space = line.indexOf(' ');
            int equals = line.indexOf('=');
            if (space > 0 && equals > space && line.substring(space + 1, equals).equals("path")) {
                return line.substring(equals + 1);
            }
        }
        return null;
    }
}
