package org.samannotator.core.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * Builds small tar archives byte by byte for tests, independently of the library that reads them: ustar headers
 * (optionally splitting the name into the prefix field, as npm does), GNU long-name ('L') records and pax ('x')
 * path records, then gzip.
 */
final class TarTestWriter {
    private static final int BLOCK = 512;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** A regular file whose name fits the 100-byte name field. */
    TarTestWriter file(String name, byte[] data) {
        writeHeader(name, "", data.length, '0');
        writeData(data);
        return this;
    }

    /** A regular file stored as ustar prefix + name. */
    TarTestWriter fileWithPrefix(String prefix, String name, byte[] data) {
        writeHeader(name, prefix, data.length, '0');
        writeData(data);
        return this;
    }

    /** A regular file whose (long) name is carried by a preceding GNU 'L' record. */
    TarTestWriter fileWithGnuLongName(String longName, byte[] data) {
        byte[] nameBytes = (longName + "\0").getBytes(StandardCharsets.UTF_8);
        writeHeader("././@LongLink", "", nameBytes.length, 'L');
        writeData(nameBytes);
        writeHeader(longName.substring(0, 99), "", data.length, '0');
        writeData(data);
        return this;
    }

    /** A regular file whose path is carried by a preceding pax extended header. */
    TarTestWriter fileWithPaxPath(String path, byte[] data) {
        String record = " path=" + path + "\n";
        int length = record.length() + 1;
        while (String.valueOf(length).length() + record.length() != length) {
            length++;
        }
        byte[] pax = (length + record).getBytes(StandardCharsets.UTF_8);
        writeHeader("PaxHeader/x", "", pax.length, 'x');
        writeData(pax);
        writeHeader("truncated-name", "", data.length, '0');
        writeData(data);
        return this;
    }

    /** A symbolic link (type '2', no data) whose link target field stays empty. */
    TarTestWriter symlink(String name) {
        writeHeader(name, "", 0, '2');
        return this;
    }

    TarTestWriter directory(String name) {
        writeHeader(name, "", 0, '5');
        return this;
    }

    /** The archive with its two terminating zero blocks. */
    byte[] tar() {
        byte[] body = out.toByteArray();
        byte[] result = new byte[body.length + 2 * BLOCK];
        System.arraycopy(body, 0, result, 0, body.length);
        return result;
    }

    byte[] tgz() throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(tar());
        }
        return compressed.toByteArray();
    }

    private void writeHeader(String name, String prefix, long size, char type) {
        byte[] header = new byte[BLOCK];
        put(header, 0, 100, name);
        put(header, 100, 8, "0000644");
        put(header, 108, 8, "0000000");
        put(header, 116, 8, "0000000");
        put(header, 124, 12, String.format("%011o", size));
        put(header, 136, 12, String.format("%011o", 500_000_000L));
        header[156] = (byte) type;
        put(header, 257, 6, "ustar");
        put(header, 263, 2, "00");
        put(header, 345, 155, prefix);
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, 8, String.format("%06o", sum) + "\0 ");
        out.writeBytes(header);
    }

    private void writeData(byte[] data) {
        out.writeBytes(data);
        int padding = (BLOCK - data.length % BLOCK) % BLOCK;
        out.writeBytes(new byte[padding]);
    }

    private static void put(byte[] header, int offset, int length, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > length) {
            throw new IllegalArgumentException("'" + text + "' does not fit " + length + " bytes");
        }
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }
}
