package org.samannotator.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.image.ImageLoader;

/** Empty and misnamed files, decompression bombs, unusual pixel layouts and hostile EXIF. */
final class ImageEdgeCorpus {
    private static final Size SAMPLE = new Size(ImageSamples.WIDTH, ImageSamples.HEIGHT);

    private ImageEdgeCorpus() {
    }

    static List<CorpusCase> cases() {
        List<CorpusCase> cases = new ArrayList<>();
        for (String ext : List.of("jpg", "jpeg", "png", "bmp", "gif", "tif", "tiff")) {
            cases.add(ImageCorpus.image("Empty file", "zero bytes named ." + ext, ext, new byte[0], ImageCorpus.FULL));
        }
        wrongExtensions(cases);
        bombs(cases);
        layouts(cases);
        exif(cases);
        return cases;
    }

    private static void wrongExtensions(List<CorpusCase> cases) {
        Map<String, byte[]> samples = ImageCorpus.samples();
        String[][] swaps = {{"png", "jpg"}, {"jpg", "png"}, {"gif", "bmp"}, {"bmp", "tif"}, {"tif", "gif"},
            {"jpg", "txt"}};
        for (String[] swap : swaps) {
            cases.add(ImageCorpus.image("Wrong extension", swap[0].toUpperCase() + " content named ." + swap[1],
                    swap[1], samples.get(swap[0]), ImageCorpus.FULL));
        }
        Map<String, String> impostors = Map.of("text", "hello, this is not an image\n",
                "HTML", "<!DOCTYPE html><html><body>404 Not Found</body></html>",
                "PDF header", "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n",
                "ZIP header", "PK\u0003\u0004\u0014\u0000\u0000\u0000\u0008\u0000",
                "Git LFS pointer", "version https://git-lfs.github.com/spec/v1\noid sha256:"
                        + "0".repeat(64) + "\nsize 123456\n");
        impostors.forEach((what, content) -> cases.add(ImageCorpus.image("Wrong extension", what + " named .jpg",
                "jpg", content.getBytes(StandardCharsets.UTF_8), ImageCorpus.FULL)));
    }

    private static void bombs(List<CorpusCase> cases) {
        byte[] jpeg = ImageSamples.encode(ImageSamples.rgb(), "jpeg");
        Object[][] bombs = {
            {"PNG 100000x100000, 1 KB of data", "png", ImageBombs.png(100_000, 100_000, 1024)},
            {"PNG 40000x40000, 1 KB of data", "png", ImageBombs.png(40_000, 40_000, 1024)},
            {"PNG 20000x20000, 1 KB of data", "png", ImageBombs.png(20_000, 20_000, 1024)},
            {"PNG 1x2147483647", "png", ImageBombs.png(1, Integer.MAX_VALUE, 1024)},
            {"GIF 65535x65535", "gif", ImageBombs.gif(65_535, 65_535)},
            {"BMP 30000x30000, 100 bytes of data", "bmp", ImageBombs.bmp(30_000, 30_000, 100)},
            {"TIFF 100000x100000, 16 bytes of data", "tif", ImageBombs.tiff(100_000, 100_000)},
            {"TIFF 25000x25000, 16 bytes of data", "tif", ImageBombs.tiff(25_000, 25_000)},
            {"JPEG header says 65500x65500", "jpg", ImageBombs.jpegWithSize(jpeg, 65_500, 65_500)},
            {"JPEG header says 20000x20000", "jpg", ImageBombs.jpegWithSize(jpeg, 20_000, 20_000)},
        };
        for (Object[] bomb : bombs) {
            String name = (String) bomb[0];
            String ext = (String) bomb[1];
            byte[] bytes = (byte[]) bomb[2];
            cases.add(ImageCorpus.image("Decompression bomb", name, ext, bytes, ImageCorpus.FULL));
            cases.add(new CorpusCase("Decompression bomb", name, "ImageLoader.readReduced(2048)", dir ->
                    ImageCorpus.outcome(Files.write(dir.resolve("bomb." + ext), bytes),
                            file -> ImageLoader.readReduced(file, ImageLoader.ENCODER_COPY_MIN_LONG_SIDE))));
        }
    }

    private static void layouts(List<CorpusCase> cases) {
        BufferedImage rgb = ImageSamples.rgb();
        Object[][] layouts = {
            {"PNG 16-bit grey", "png", ImageSamples.encode(ImageSamples.components(1, DataBuffer.TYPE_USHORT), "png")},
            {"PNG 16-bit grey+alpha", "png", ImageSamples.encode(ImageSamples.components(2, DataBuffer.TYPE_USHORT), "png")},
            {"PNG 16-bit RGB", "png", ImageSamples.encode(ImageSamples.components(3, DataBuffer.TYPE_USHORT), "png")},
            {"PNG 16-bit RGBA", "png", ImageSamples.encode(ImageSamples.components(4, DataBuffer.TYPE_USHORT), "png")},
            {"PNG 8-bit grey+alpha", "png", ImageSamples.encode(ImageSamples.components(2, DataBuffer.TYPE_BYTE), "png")},
            {"PNG palette", "png", ImageSamples.encode(ImageSamples.convert(rgb, BufferedImage.TYPE_BYTE_INDEXED), "png")},
            {"PNG palette with transparency", "png", ImageSamples.encode(ImageSamples.paletteWithTransparency(), "png")},
            {"PNG 1-bit", "png", ImageSamples.encode(ImageSamples.convert(rgb, BufferedImage.TYPE_BYTE_BINARY), "png")},
            {"JPEG grey", "jpg", ImageSamples.encode(ImageSamples.convert(rgb, BufferedImage.TYPE_BYTE_GRAY), "jpeg")},
            {"JPEG 4 components (CMYK, no Adobe marker)", "jpg", ImageSamples.fourComponentJpeg()},
            {"JPEG YCCK (Adobe transform 2)", "jpg", ImageSamples.insertAfterSoi(ImageSamples.fourComponentJpeg(),
                    0xEE, adobe(2), 14)},
            {"GIF animated, 3 frames", "gif", ImageSamples.animatedGif(List.of(
                    ImageSamples.convert(rgb, BufferedImage.TYPE_BYTE_INDEXED),
                    ImageSamples.convert(ImageSamples.components(1, DataBuffer.TYPE_BYTE), BufferedImage.TYPE_BYTE_INDEXED),
                    ImageSamples.convert(rgb, BufferedImage.TYPE_BYTE_INDEXED)))},
            {"BMP 8-bit palette", "bmp", ImageSamples.encode(ImageSamples.convert(rgb, BufferedImage.TYPE_BYTE_INDEXED), "bmp")},
            {"BMP 1-bit", "bmp", ImageSamples.encode(ImageSamples.convert(rgb, BufferedImage.TYPE_BYTE_BINARY), "bmp")},
            {"TIFF 16-bit grey", "tif", ImageSamples.encode(ImageSamples.components(1, DataBuffer.TYPE_USHORT), "tiff")},
            {"TIFF RGBA", "tif", ImageSamples.encode(ImageSamples.components(4, DataBuffer.TYPE_BYTE), "tiff")},
        };
        for (Object[] layout : layouts) {
            byte[] bytes = (byte[]) layout[2];
            String ext = (String) layout[1];
            cases.add(new CorpusCase("Pixel layout", (String) layout[0], "ImageLoader.read", dir -> {
                CorpusCase.Outcome outcome = ImageCorpus.outcome(Files.write(dir.resolve("input." + ext), bytes),
                        ImageCorpus.FULL);
                assertEquals(SAMPLE + "", outcome.message().split(";")[0], "loads at its size: " + outcome);
                return outcome;
            }));
        }
    }

    private static byte[] adobe(int transform) {
        return new byte[] {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform};
    }

    private static void exif(List<CorpusCase> cases) {
        byte[] jpeg = ImageSamples.encode(ImageSamples.rgb(), "jpeg");
        ByteOrder le = ByteOrder.LITTLE_ENDIAN;
        ByteOrder be = ByteOrder.BIG_ENDIAN;
        Object[][] exifs = {
            {"orientation 6 (valid: rotate 90)", ImageSamples.exifPayload(le, 8, 0, ImageSamples.orientation(6)), true},
            {"orientation 0", ImageSamples.exifPayload(le, 8, 0, ImageSamples.orientation(0)), false},
            {"orientation 9", ImageSamples.exifPayload(be, 8, 0, ImageSamples.orientation(9)), false},
            {"orientation 255", ImageSamples.exifPayload(le, 8, 0, ImageSamples.orientation(255)), false},
            {"orientation 65535", ImageSamples.exifPayload(be, 8, 0, ImageSamples.orientation(65535)), false},
            {"orientation stored as LONG (the EXIF library reads it)",
                ImageSamples.exifPayload(le, 8, 0, new int[] {0x0112, 4, 1, 6}), true},
            {"orientation with count 1000000 (entry rejected, identity)",
                ImageSamples.exifPayload(le, 8, 0, new int[] {0x0112, 3, 1_000_000, 6}), false},
            {"IFD offset beyond the segment", ImageSamples.exifPayload(le, 0x7FFFFFF0, 0, ImageSamples.orientation(6)), false},
            {"negative IFD offset", ImageSamples.exifPayload(be, -8, 0, ImageSamples.orientation(6)), false},
            {"IFD chain loops to itself", ImageSamples.exifPayload(le, 8, 8, new int[] {0x8769, 4, 1, 8}), false},
            {"Exif sub-IFD pointer loops to IFD0", ImageSamples.exifPayload(be, 8, 0, new int[] {0x8769, 4, 1, 8},
                    ImageSamples.orientation(3)), false},
            {"bad byte-order mark", badByteOrder(ImageSamples.exifPayload(le, 8, 0, ImageSamples.orientation(6))), false},
            {"Exif id without TIFF header", new byte[] {'E', 'x', 'i', 'f', 0, 0}, false},
        };
        for (Object[] exif : exifs) {
            byte[] payload = (byte[]) exif[1];
            boolean rotated = (Boolean) exif[2];
            byte[] bytes = ImageSamples.insertAfterSoi(jpeg, 0xE1, payload, payload.length + 2);
            cases.add(exifCase((String) exif[0], bytes, rotated ? new Size(SAMPLE.height(), SAMPLE.width()) : null));
        }
        byte[] payload = ImageSamples.exifPayload(le, 8, 0, ImageSamples.orientation(6));
        cases.add(exifCase("APP1 length 2 (empty segment)", ImageSamples.insertAfterSoi(jpeg, 0xE1, new byte[0], 2), null));
        cases.add(exifCase("APP1 length larger than the file", ImageSamples.insertAfterSoi(jpeg, 0xE1, payload, 65535),
                null));
    }

    private static byte[] badByteOrder(byte[] payload) {
        byte[] out = payload.clone();
        out[6] = 'X';
        out[7] = 'Y';
        return out;
    }

    /** The JPEG must load upright at {@code expected} (null: either a clear refusal or the stored size). */
    private static CorpusCase exifCase(String name, byte[] bytes, Size expected) {
        return new CorpusCase("JPEG EXIF", name, "ImageLoader.read", dir -> {
            CorpusCase.Outcome outcome = ImageCorpus.outcome(Files.write(dir.resolve("exif.jpg"), bytes),
                    ImageCorpus.FULL);
            if (expected != null) {
                assertEquals(expected + "", outcome.message().split(";")[0], outcome.toString());
            } else if (outcome.result().equals("loaded")) {
                assertEquals(SAMPLE + "", outcome.message().split(";")[0], "bad EXIF is ignored: " + outcome);
            }
            return outcome;
        });
    }
}
