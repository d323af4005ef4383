package org.samannotator.core.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import org.samannotator.core.geometry.Size;

/**
 * Loads image files into {@link RgbImage}s (packed 0xAARRGGBB, row-major, upright).
 *
 * <p>Formats: JPEG (RGB, grey, CMYK and YCCK via the TwelveMonkeys reader), PNG (1-16 bit, grey,
 * grey+alpha, RGB, RGBA, palette), BMP, GIF (first frame), TIFF (first page), and WebP when a WebP ImageIO
 * plugin is on the class path. The format is detected from the content, not the extension.
 *
 * <p>JPEG EXIF orientation (tag values 1-8) is applied, so {@link RgbImage#size()} is the display size.
 * Other formats are returned as stored.
 *
 * <p>Size guard: the dimensions are read from the header before decoding and images with more than
 * {@link #DEFAULT_MAX_PIXELS} pixels (or the limit passed to {@link #load(Path, long)}) are refused with
 * {@link ImageLoadException.Reason#TOO_LARGE}. Running out of memory while decoding is reported the same way.
 *
 * <p>Truncated data: PNG, GIF, BMP and TIFF decoders fail on truncated data ({@code CORRUPT}); JPEG
 * decoders conceal missing scan data (grey fill) and only warn, as libjpeg-based viewers do, so such
 * JPEGs load; the warning is logged.
 */
public final class ImageLoader {
    /** Default pixel limit: 200 megapixels (the decoded image alone then needs about 800 MB of heap). */
    public static final long DEFAULT_MAX_PIXELS = 200_000_000L;
    /** Largest pixel count an int[] can hold on common JVMs. */
    private static final long MAX_ARRAY_PIXELS = Integer.MAX_VALUE - 8L;
    private static final System.Logger LOG = System.getLogger(ImageLoader.class.getName());

    private ImageLoader() {
    }

    /** Loads with the {@link #DEFAULT_MAX_PIXELS} limit. */
    public static RgbImage load(Path file) throws ImageLoadException {
        return load(file, DEFAULT_MAX_PIXELS);
    }

    /**
     * Loads the first image of the file, refusing images with more than {@code maxPixels} pixels
     * (width * height, checked before decoding).
     */
    public static RgbImage load(Path file, long maxPixels) throws ImageLoadException {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
        }
        try (OpenImage image = OpenImage.open(file)) {
            Size stored = image.storedSize();
            checkPixelLimit(file, stored, Math.min(maxPixels, MAX_ARRAY_PIXELS));
            BufferedImage decoded = image.decode(stored);
            return image.orientation().apply(new RgbImage(stored, ArgbConverter.toArgb(decoded)));
        } catch (OutOfMemoryError e) {
            throw new ImageLoadException(file, ImageLoadException.Reason.TOO_LARGE,
                    "not enough memory to decode it; max heap is " + Runtime.getRuntime().maxMemory() / (1 << 20)
                            + " MB");
        }
    }

    /**
     * The display size (EXIF orientation applied for JPEG) read from the header without decoding pixels.
     * No pixel limit applies, so folder listings can show sizes of images too large to load.
     */
    public static Size readSize(Path file) throws ImageLoadException {
        try (OpenImage image = OpenImage.open(file)) {
            return image.orientation().displaySize(image.storedSize());
        }
    }

    /**
     * True if the file name has an extension of a readable format (jpg, jpeg, png, bmp, gif, tif, tiff, and
     * webp when a WebP reader is installed), case-insensitive. Only the name is checked, not the content.
     */
    public static boolean isSupportedImageFile(Path file) {
        Path name = file.getFileName();
        return name != null && ImageFormats.hasSupportedExtension(name.toString());
    }

    /** Lower-case extensions (without dot) accepted by {@link #isSupportedImageFile}. */
    public static Set<String> supportedExtensions() {
        return ImageFormats.extensions();
    }

    private static void checkPixelLimit(Path file, Size size, long maxPixels) throws ImageLoadException {
        if (size.area() > maxPixels) {
            throw new ImageLoadException(file, ImageLoadException.Reason.TOO_LARGE, String.format(
                    "%s = %.1f megapixels exceeds the limit of %.1f megapixels", size, size.area() / 1e6,
                    maxPixels / 1e6));
        }
    }

    /** An opened file with its reader selected and the orientation read; closes stream and reader. */
    private static final class OpenImage implements AutoCloseable {
        private final Path file;
        private final ImageInputStream input;
        private final ImageReader reader;
        private final ExifOrientation orientation;

        private OpenImage(Path file, ImageInputStream input, ImageReader reader, ExifOrientation orientation) {
            this.file = file;
            this.input = input;
            this.reader = reader;
            this.orientation = orientation;
        }

        static OpenImage open(Path file) throws ImageLoadException {
            checkReadableFile(file);
            ImageInputStream input = openStream(file);
            try {
                ImageReader reader = ImageFormats.readerFor(input).orElseThrow(() -> new ImageLoadException(file,
                        ImageLoadException.Reason.NOT_AN_IMAGE, "no image reader recognises the content"));
                ExifOrientation orientation = ExifOrientation.NORMAL;
                if (ImageFormats.isJpeg(reader)) {
                    input.seek(0);
                    orientation = JpegExifReader.readOrientation(input);
                    input.seek(0);
                }
                reader.setInput(input, true, false);
                reader.addIIOReadWarningListener((source, warning) -> LOG.log(System.Logger.Level.WARNING,
                        "Image " + file + ": " + warning));
                return new OpenImage(file, input, reader, orientation);
            } catch (ImageLoadException e) {
                closeQuietly(input);
                throw e;
            } catch (IOException | RuntimeException e) {
                closeQuietly(input);
                throw corrupt(file, e);
            }
        }

        ExifOrientation orientation() {
            return orientation;
        }

        Size storedSize() throws ImageLoadException {
            try {
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw new ImageLoadException(file, ImageLoadException.Reason.CORRUPT,
                            "header declares size " + width + "x" + height);
                }
                return new Size(width, height);
            } catch (IOException | RuntimeException e) {
                throw e instanceof ImageLoadException loadException ? loadException : corrupt(file, e);
            }
        }

        BufferedImage decode(Size expected) throws ImageLoadException {
            try {
                BufferedImage image = reader.read(0);
                if (image.getWidth() != expected.width() || image.getHeight() != expected.height()) {
                    throw new ImageLoadException(file, ImageLoadException.Reason.CORRUPT, "decoded size "
                            + image.getWidth() + "x" + image.getHeight() + " differs from header size " + expected);
                }
                return image;
            } catch (IOException | RuntimeException e) {
                throw e instanceof ImageLoadException loadException ? loadException : corrupt(file, e);
            }
        }

        @Override
        public void close() {
            reader.dispose();
            closeQuietly(input);
        }
    }

    private static void checkReadableFile(Path file) throws ImageLoadException {
        if (!Files.exists(file)) {
            throw new ImageLoadException(file, ImageLoadException.Reason.MISSING, null);
        }
        if (!Files.isRegularFile(file)) {
            String what = Files.isDirectory(file) ? "it is a directory" : "it is a special file";
            throw new ImageLoadException(file, ImageLoadException.Reason.NOT_A_FILE, what);
        }
        if (!Files.isReadable(file)) {
            throw new ImageLoadException(file, ImageLoadException.Reason.UNREADABLE, "permission denied");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new ImageLoadException(file, ImageLoadException.Reason.UNREADABLE, e.getMessage(), e);
        }
        if (size == 0) {
            throw new ImageLoadException(file, ImageLoadException.Reason.NOT_AN_IMAGE, "file is empty");
        }
    }

    private static ImageInputStream openStream(Path file) throws ImageLoadException {
        ImageFormats.ensurePluginsRegistered();
        try {
            ImageInputStream input = ImageIO.createImageInputStream(file.toFile());
            return input != null ? input : new FileImageInputStream(file.toFile());
        } catch (IOException e) {
            throw new ImageLoadException(file, ImageLoadException.Reason.UNREADABLE, e.getMessage(), e);
        }
    }

    private static ImageLoadException corrupt(Path file, Exception cause) {
        String detail = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        return new ImageLoadException(file, ImageLoadException.Reason.CORRUPT, detail, cause);
    }

    private static void closeQuietly(ImageInputStream input) {
        try {
            input.close();
        } catch (IOException ignored) {
            // nothing useful to do: the stream was only read
        }
    }
}
