package org.samannotator.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.samannotator.core.geometry.Size;

/** Broken or hostile EXIF data never fails or hangs: the orientation is NORMAL and the image still loads. */
class HostileExifTest {
    private static final int IFD0 = 8;
    private static final int TYPE_ASCII = 2;
    private static final int TYPE_SHORT = 3;
    private static final int TYPE_LONG = 4;

    @TempDir
    Path dir;

    /** "Exif\0\0" + big-endian TIFF header + IFD0 with the given 12-byte entries and next-IFD offset. */
    private static byte[] exif(int nextIfd, int extraBytes, int[]... entries) {
        ByteBuffer b = ByteBuffer.allocate(6 + 8 + 2 + 12 * entries.length + 4 + extraBytes)
                .order(ByteOrder.BIG_ENDIAN);
        b.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put((byte) 'M').put((byte) 'M');
        b.putShort((short) 42).putInt(IFD0).putShort((short) entries.length);
        for (int[] e : entries) { // tag, type, count, value-or-offset
            b.putShort((short) e[0]).putShort((short) e[1]).putInt(e[2]);
            if (e[1] == TYPE_SHORT && e[2] == 1) {
                b.putShort((short) e[3]).putShort((short) 0);
            } else {
                b.putInt(e[3]);
            }
        }
        b.putInt(nextIfd);
        return b.array();
    }

    private static ExifOrientation read(byte[] app1Payload) {
        byte[] jpeg = TestImageFiles.insertSegmentAfterSoi(TestImageFiles.jpegBytes(TestImageFiles.quadrants(8, 4)),
                0xE1, app1Payload);
        return JpegExifReader.readOrientation(new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg)));
    }

    @Test
    void wellFormedEntryIsRead() {
        assertEquals(ExifOrientation.ROTATE_90_CW, read(exif(0, 0, new int[] {0x0112, TYPE_SHORT, 1, 6})));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 9, 255, 65535})
    void orientationValuesOutsideOneToEightAreNormal(int value) {
        assertEquals(ExifOrientation.NORMAL, read(exif(0, 0, new int[] {0x0112, TYPE_SHORT, 1, value})));
    }

    @Test
    void ifdChainLoopingBackToItselfIsNormalAndTerminates() {
        assertEquals(ExifOrientation.NORMAL, read(exif(IFD0, 0, new int[] {0x0100, TYPE_SHORT, 1, 8})));
    }

    @Test
    void exifSubIfdPointingBackToIfd0Terminates() {
        assertEquals(ExifOrientation.ROTATE_180, read(exif(IFD0, 0, new int[] {0x8769, TYPE_LONG, 1, IFD0},
                new int[] {0x0112, TYPE_SHORT, 1, 3})));
    }

    @Test
    void valueOffsetsPastTheEndAndHugeCountsAreNormal() {
        assertEquals(ExifOrientation.NORMAL, read(exif(0, 0, new int[] {0x0112, TYPE_SHORT, 0x7fff_ffff, 400})));
        assertEquals(ExifOrientation.NORMAL, read(exif(0, 0, new int[] {0x0112, TYPE_SHORT, 4, 0x7fff_fff0})));
        assertEquals(ExifOrientation.NORMAL, read(exif(0x7fff_fff0, 0, new int[] {0x0100, TYPE_SHORT, 1, 8})));
    }

    @Test
    void orientationOfTheWrongTypeIsNormal() {
        assertEquals(ExifOrientation.NORMAL, read(exif(0, 4, new int[] {0x0112, TYPE_ASCII, 2, 0x3600_0000})));
    }

    @Test
    void ifd0OffsetOutsideTheSegmentOrBadHeaderIsNormal() {
        byte[] payload = exif(0, 0, new int[] {0x0112, TYPE_SHORT, 1, 6});
        byte[] badOffset = payload.clone();
        ByteBuffer.wrap(badOffset).putInt(10, 0x00ff_ffff);
        assertEquals(ExifOrientation.NORMAL, read(badOffset));
        byte[] badMagic = payload.clone();
        badMagic[9] = 43;
        assertEquals(ExifOrientation.NORMAL, read(badMagic));
        byte[] badOrder = payload.clone();
        badOrder[6] = 'X';
        assertEquals(ExifOrientation.NORMAL, read(badOrder));
        assertEquals(ExifOrientation.NORMAL, read("Exif\0\0".getBytes(StandardCharsets.US_ASCII)));
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 20, 30})
    void jpegCutInsideItsMarkersIsNormal(int keptBytes) {
        byte[] jpeg = TestImageFiles.insertSegmentAfterSoi(TestImageFiles.jpegBytes(TestImageFiles.quadrants(8, 4)),
                0xE1, exif(0, 0, new int[] {0x0112, TYPE_SHORT, 1, 6}));
        byte[] cut = Arrays.copyOf(jpeg, keptBytes);
        assertEquals(ExifOrientation.NORMAL,
                JpegExifReader.readOrientation(new MemoryCacheImageInputStream(new ByteArrayInputStream(cut))));
    }

    @Test
    void segmentLengthsTooShortAreNormal() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0, 1, (byte) 0xFF, (byte) 0xE0, 0, 0,
            (byte) 0xFF, (byte) 0xD9};
        assertEquals(ExifOrientation.NORMAL,
                JpegExifReader.readOrientation(new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))));
    }

    @Test
    void imageWithLoopingExifStillLoadsUnrotated() throws Exception {
        byte[] jpeg = TestImageFiles.insertSegmentAfterSoi(TestImageFiles.jpegBytes(TestImageFiles.quadrants(32, 16)),
                0xE1, exif(IFD0, 0, new int[] {0x8769, TYPE_LONG, 1, IFD0}));
        Path file = TestImageFiles.writeBytes(dir.resolve("loop.jpg"), jpeg);
        assertEquals(new Size(32, 16), ImageLoader.load(file).size());
    }
}
