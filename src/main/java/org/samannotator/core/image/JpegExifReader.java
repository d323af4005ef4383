package org.samannotator.core.image;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads the EXIF Orientation tag (0x0112 in IFD0) from the APP1 "Exif" segment of a JPEG stream. Only the
 * marker segments before the first SOS are scanned, so this costs a few kilobytes of reading. Malformed or
 * missing EXIF data yields {@link ExifOrientation#NORMAL}: a broken tag must not make an image unloadable.
 */
final class JpegExifReader {
    private static final int MARKER_PREFIX = 0xFF;
    private static final int SOI = 0xD8;
    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;
    private static final int APP1 = 0xE1;
    private static final int TAG_ORIENTATION = 0x0112;
    private static final int TYPE_SHORT = 3;
    private static final byte[] EXIF_ID = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);

    private JpegExifReader() {
    }

    /**
     * Reads the orientation from the stream's current position (the start of a JPEG file). The stream
     * position afterwards is unspecified; callers seek back before decoding.
     */
    static ExifOrientation readOrientation(ImageInputStream in) throws IOException {
        try {
            if (in.readUnsignedByte() != MARKER_PREFIX || in.readUnsignedByte() != SOI) {
                return ExifOrientation.NORMAL;
            }
            return scanSegments(in);
        } catch (EOFException e) {
            return ExifOrientation.NORMAL;
        }
    }

    private static ExifOrientation scanSegments(ImageInputStream in) throws IOException {
        while (true) {
            if (in.readUnsignedByte() != MARKER_PREFIX) {
                return ExifOrientation.NORMAL;
            }
            int marker = in.readUnsignedByte();
            while (marker == MARKER_PREFIX) {
                marker = in.readUnsignedByte();
            }
            if (marker == SOS || marker == EOI) {
                return ExifOrientation.NORMAL;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue;
            }
            int payloadLength = in.readUnsignedShort() - 2;
            if (payloadLength < 0) {
                return ExifOrientation.NORMAL;
            }
            if (marker == APP1 && payloadLength > EXIF_ID.length) {
                byte[] payload = new byte[payloadLength];
                in.readFully(payload);
                if (startsWithExifId(payload)) {
                    return orientationFromTiff(ByteBuffer.wrap(payload, EXIF_ID.length, payloadLength - EXIF_ID.length)
                            .slice());
                }
            } else {
                in.skipBytes(payloadLength);
            }
        }
    }

    private static boolean startsWithExifId(byte[] payload) {
        for (int i = 0; i < EXIF_ID.length; i++) {
            if (payload[i] != EXIF_ID[i]) {
                return false;
            }
        }
        return true;
    }

    /** Parses a TIFF structure (byte-order mark, 42, IFD0 offset) and returns IFD0's orientation entry. */
    static ExifOrientation orientationFromTiff(ByteBuffer tiff) {
        if (tiff.remaining() < 8) {
            return ExifOrientation.NORMAL;
        }
        int b0 = tiff.get(0);
        int b1 = tiff.get(1);
        if (b0 == 'I' && b1 == 'I') {
            tiff.order(ByteOrder.LITTLE_ENDIAN);
        } else if (b0 == 'M' && b1 == 'M') {
            tiff.order(ByteOrder.BIG_ENDIAN);
        } else {
            return ExifOrientation.NORMAL;
        }
        if (Short.toUnsignedInt(tiff.getShort(2)) != 42) {
            return ExifOrientation.NORMAL;
        }
        long ifdOffset = Integer.toUnsignedLong(tiff.getInt(4));
        return orientationFromIfd(tiff, ifdOffset);
    }

    private static ExifOrientation orientationFromIfd(ByteBuffer tiff, long ifdOffset) {
        if (ifdOffset < 8 || ifdOffset + 2 > tiff.limit()) {
            return ExifOrientation.NORMAL;
        }
        int offset = (int) ifdOffset;
        int entryCount = Short.toUnsignedInt(tiff.getShort(offset));
        for (int i = 0; i < entryCount; i++) {
            int entry = offset + 2 + i * 12;
            if (entry + 12 > tiff.limit()) {
                return ExifOrientation.NORMAL;
            }
            int tag = Short.toUnsignedInt(tiff.getShort(entry));
            int type = Short.toUnsignedInt(tiff.getShort(entry + 2));
            if (tag == TAG_ORIENTATION && type == TYPE_SHORT) {
                return ExifOrientation.fromTagValue(Short.toUnsignedInt(tiff.getShort(entry + 8)));
            }
        }
        return ExifOrientation.NORMAL;
    }
}
