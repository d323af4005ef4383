package org.samannotator.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Decompression bombs: headers declaring huge dimensions over a few bytes (or kilobytes) of data. */
final class ImageBombs {
    private ImageBombs() {
    }

    /** A valid-looking RGB PNG of width x height whose IDAT holds {@code zeroBytes} deflated zero bytes. */
    static byte[] png(int width, int height, int zeroBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", header.array());
        Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[zeroBytes]);
        deflater.finish();
        byte[] buffer = new byte[zeroBytes + 64];
        int length = deflater.deflate(buffer);
        deflater.end();
        chunk(out, "IDAT", java.util.Arrays.copyOf(buffer, length));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A GIF89a whose screen and frame are width x height, with a 2-colour table and a few LZW bytes. */
    static byte[] gif(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.put("GIF89a".getBytes(StandardCharsets.US_ASCII)).putShort((short) width).putShort((short) height)
                .put((byte) 0x80).put((byte) 0).put((byte) 0);
        b.put(new byte[] {0, 0, 0, (byte) 255, (byte) 255, (byte) 255});
        b.put((byte) 0x2C).putShort((short) 0).putShort((short) 0).putShort((short) width).putShort((short) height)
                .put((byte) 0);
        b.put((byte) 2).put((byte) 3).put(new byte[] {(byte) 0x84, 0x1D, 0x05}).put((byte) 0).put((byte) 0x3B);
        return java.util.Arrays.copyOf(b.array(), b.position());
    }

    /** A 24-bit BMP header for width x height followed by only {@code dataBytes} bytes of pixels. */
    static byte[] bmp(int width, int height, int dataBytes) {
        long rowBytes = ((width * 3L + 3) / 4) * 4;
        ByteBuffer b = ByteBuffer.allocate(54 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'B').put((byte) 'M').putInt((int) Math.min(Integer.MAX_VALUE, 54 + rowBytes * height))
                .putInt(0).putInt(54);
        b.putInt(40).putInt(width).putInt(height).putShort((short) 1).putShort((short) 24).putInt(0)
                .putInt((int) Math.min(Integer.MAX_VALUE, rowBytes * height)).putInt(2835).putInt(2835).putInt(0)
                .putInt(0);
        return b.array();
    }

    /** A little-endian grey uncompressed TIFF of width x height with one 16-byte strip. */
    static byte[] tiff(int width, int height) {
        int entries = 8;
        int stripOffset = 8 + 2 + entries * 12 + 4;
        ByteBuffer b = ByteBuffer.allocate(stripOffset + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8).putShort((short) entries);
        tiffEntry(b, 256, 4, width);
        tiffEntry(b, 257, 4, height);
        tiffEntry(b, 258, 3, 8);
        tiffEntry(b, 259, 3, 1);
        tiffEntry(b, 262, 3, 1);
        tiffEntry(b, 273, 4, stripOffset);
        tiffEntry(b, 278, 4, height);
        tiffEntry(b, 279, 4, 16);
        b.putInt(0);
        return b.array();
    }

    private static void tiffEntry(ByteBuffer b, int tag, int type, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(1);
        if (type == 3) {
            b.putShort((short) value).putShort((short) 0);
        } else {
            b.putInt(value);
        }
    }

    /** The JPEG with its SOF0/SOF2 frame header's height and width replaced. */
    static byte[] jpegWithSize(byte[] jpeg, int width, int height) {
        byte[] out = jpeg.clone();
        for (int i = 2; i + 8 < out.length; i++) {
            if ((out[i] & 0xFF) == 0xFF && ((out[i + 1] & 0xFF) == 0xC0 || (out[i + 1] & 0xFF) == 0xC2)) {
                ByteBuffer.wrap(out, i + 5, 4).putShort((short) height).putShort((short) width);
                return out;
            }
        }
        throw new IllegalArgumentException("no SOF0/SOF2 marker");
    }
}
