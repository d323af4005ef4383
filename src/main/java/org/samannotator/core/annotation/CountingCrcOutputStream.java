package org.samannotator.core.annotation;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32C;

/** Passes bytes on, counting them and computing their CRC-32C (what the project index records of its file). */
final class CountingCrcOutputStream extends FilterOutputStream {
    private final CRC32C crc = new CRC32C();
    private long count;

    CountingCrcOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        crc.update(b, off, len);
        count += len;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        crc.update(b);
        count++;
    }

    long count() {
        return count;
    }

    int crc() {
        return (int) crc.getValue();
    }
}
