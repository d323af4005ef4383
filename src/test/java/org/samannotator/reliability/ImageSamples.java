package org.samannotator.reliability;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Small generated images in every pixel layout the corpus needs, encoded in memory. */
final class ImageSamples {
    static final int WIDTH = 96;
    static final int HEIGHT = 64;

    private ImageSamples() {
    }

    /** A 96x64 RGB image with gradients and noise (so compressed files are a few kilobytes). */
    static BufferedImage rgb() {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int r = x * 255 / WIDTH;
                int g = y * 255 / HEIGHT;
                int b = random.nextInt(256);
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    /** The same picture redrawn into an image of {@code type} (grey, indexed, binary, ...). */
    static BufferedImage convert(BufferedImage source, int type) {
        BufferedImage out = new BufferedImage(source.getWidth(), source.getHeight(), type);
        out.getGraphics().drawImage(source, 0, 0, null);
        return out;
    }

    /** 8- or 16-bit component image with {@code bands} bands (1 grey, 2 grey+alpha, 3 RGB, 4 RGBA). */
    static BufferedImage components(int bands, int dataType) {
        boolean alpha = bands == 2 || bands == 4;
        ColorSpace space = ColorSpace.getInstance(bands <= 2 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
        ColorModel model = new ComponentColorModel(space, alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, dataType);
        WritableRaster raster = model.createCompatibleWritableRaster(WIDTH, HEIGHT);
        int max = dataType == DataBuffer.TYPE_USHORT ? 65535 : 255;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                for (int b = 0; b < bands; b++) {
                    raster.setSample(x, y, b, (x * 7 + y * 13 + b * 50) * max / (WIDTH * 7 + HEIGHT * 13 + 200));
                }
            }
        }
        return new BufferedImage(model, raster, false, null);
    }

    /** A 4-colour palette image whose colour 0 is fully transparent. */
    static BufferedImage paletteWithTransparency() {
        byte[] r = {0, (byte) 255, 0, 0};
        byte[] g = {0, 0, (byte) 255, 0};
        byte[] b = {0, 0, 0, (byte) 255};
        byte[] a = {0, (byte) 255, (byte) 255, (byte) 255};
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(2, 4, r, g, b, a));
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                raster.setSample(x, y, 0, (x / 8 + y / 8) % 4);
            }
        }
        return image;
    }

    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, bytes)) {
                throw new IllegalStateException("no " + format + " writer for image type " + image.getType());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A progressive JPEG (its scans refine the whole image, so truncation behaves differently). */
    static byte[] progressiveJpeg(BufferedImage image) {
        return writeJpeg(new IIOImage(image, null, null), true);
    }

    /** A 4-component (CMYK-like, no Adobe marker) JPEG written from a raster. */
    static byte[] fourComponentJpeg() {
        WritableRaster raster = components(4, DataBuffer.TYPE_BYTE).getRaster();
        return writeJpeg(new IIOImage(raster, null, null), false);
    }

    private static byte[] writeJpeg(IIOImage image, boolean progressive) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            writer.write(null, image, param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** An animated GIF of the given frames. */
    static byte[] animatedGif(List<BufferedImage> frames) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (BufferedImage frame : frames) {
                writer.writeToSequence(new IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The JPEG with a marker segment (marker, big-endian length, payload) inserted right after SOI. */
    static byte[] insertAfterSoi(byte[] jpeg, int marker, byte[] payload, int declaredLength) {
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 4 + payload.length);
        out.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) marker).putShort((short) declaredLength).put(payload);
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    /**
     * An APP1 "Exif" payload: TIFF header in {@code order}, IFD0 at {@code ifdOffset} with the given
     * entries (tag, type, count, value), then {@code nextIfd}.
     */
    static byte[] exifPayload(ByteOrder order, int ifdOffset, int nextIfd, int[]... entries) {
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + entries.length * 12 + 4).order(order);
        tiff.put(order == ByteOrder.LITTLE_ENDIAN ? new byte[] {'I', 'I'} : new byte[] {'M', 'M'});
        tiff.putShort((short) 42).putInt(ifdOffset).putShort((short) entries.length);
        for (int[] e : entries) {
            tiff.putShort((short) e[0]).putShort((short) e[1]).putInt(e[2]);
            if (e[1] == 3) {
                tiff.putShort((short) e[3]).putShort((short) 0);
            } else {
                tiff.putInt(e[3]);
            }
        }
        tiff.putInt(nextIfd);
        byte[] id = {'E', 'x', 'i', 'f', 0, 0};
        return ByteBuffer.allocate(id.length + tiff.capacity()).put(id).put(tiff.array()).array();
    }

    /** Orientation entry (tag 0x0112, SHORT, count 1). */
    static int[] orientation(int value) {
        return new int[] {0x0112, 3, 1, value};
    }
}
