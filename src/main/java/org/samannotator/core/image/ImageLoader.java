package org.samannotator.core.image;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.PixelRect;

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
 * JPEGs load; {@link #read} returns the warning with the image ({@link LoadedImage#truncated()}) so the
 * app can flag it.
 *
 * <p>Huge images: {@link #readReduced} decodes a subsampled copy (for the encoder or the display) without
 * ever holding the full resolution, up to {@link #MAX_REDUCED_SOURCE_PIXELS}.
 */
public final class ImageLoader {
    /** Default pixel limit: 200 megapixels (the decoded image alone then needs about 800 MB of heap). */
    public static final long DEFAULT_MAX_PIXELS = 200_000_000L;
    /** Largest pixel count an int[] can hold on common JVMs. */
    private static final long MAX_ARRAY_PIXELS = Integer.MAX_VALUE - 8L;
    /**
     * The longest side {@link #readReduced} should keep for an encoder copy: twice SAM's 1024 input, so the
     * encoder's area-averaging resize still sees at least 2x2 source pixels per input pixel; images up to
     * 4095 pixels are read at full resolution.
     */
    public static final int ENCODER_COPY_MIN_LONG_SIDE = 2048;
    /** Largest source image {@link #readReduced} decodes: 1 gigapixel (e.g. 40000 x 25000). */
    public static final long MAX_REDUCED_SOURCE_PIXELS = 1_000_000_000L;

    private ImageLoader() {
    }

    /** Loads with the {@link #DEFAULT_MAX_PIXELS} limit. */
    /**
     * Registers the image format plugins now (a few hundred milliseconds, once per process) instead of in the
     * first folder listing or image read; the app calls it off the UI thread at start. Thread-safe.
     */
    public static void prepareFormats() {
        ImageFormats.ensurePluginsRegistered();
    }

    public static RgbImage load(Path file) throws ImageLoadException {
        return load(file, DEFAULT_MAX_PIXELS);
    }

    /**
     * Loads the first image of the file, refusing images with more than {@code maxPixels} pixels
     * (width * height, checked before decoding). Decoder warnings (a truncated JPEG) are only logged: use
     * {@link #read(Path, long)} to see them.
     */
    public static RgbImage load(Path file, long maxPixels) throws ImageLoadException {
        return read(file, maxPixels).image();
    }

    /** {@link #read(Path, long)} with the {@link #DEFAULT_MAX_PIXELS} limit. */
    public static LoadedImage read(Path file) throws ImageLoadException {
        return read(file, DEFAULT_MAX_PIXELS);
    }

    /**
     * Loads the first image at full resolution with the decoder's warnings; check
     * {@link LoadedImage#truncated()} / {@link LoadedImage#problem()} before showing it as a good image.
     */
    public static LoadedImage read(Path file, long maxPixels) throws ImageLoadException {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
        }
        return decode(file, Math.min(maxPixels, MAX_ARRAY_PIXELS), stored -> 1);
    }

    /**
     * A reduced copy for the encoder or for display, decoded with source subsampling so the full resolution
     * is never held in memory: the factor is the largest integer s with ceil(longest side / s) at least
     * {@code minLongSide}, so images up to {@code 2 * minLongSide - 1} pixels on their longest side are read
     * at full resolution (identical to {@link #read}). Peak memory is about 4 bytes per pixel of the result
     * (plus the decoder's row buffers). Files above {@link #MAX_REDUCED_SOURCE_PIXELS} are refused (their
     * decoding time is still proportional to the full pixel count: decompression bombs).
     *
     * @param minLongSide the smallest acceptable longest side of the result, e.g. 2048 for a 1024 encoder
     */
    public static LoadedImage readReduced(Path file, int minLongSide) throws ImageLoadException {
        if (minLongSide <= 0) {
            throw new IllegalArgumentException("minLongSide must be positive, got " + minLongSide);
        }
        return decode(file, MAX_REDUCED_SOURCE_PIXELS,
                stored -> Math.max(1, Math.max(stored.width(), stored.height()) / minLongSide));
    }

    /**
     * Part of the full-resolution image, for showing detail of a huge image when zoomed in: the DISPLAY
     * rectangle {@code region} (x, y, width, height; original pixels, EXIF orientation applied, inside the
     * image) with every {@code subsampling}-th pixel kept, so the result is ceil(width / s) x ceil(height / s)
     * and pixel (i, j) shows about original (x + i * s, y + j * s) (for mirrored orientations the grid is
     * anchored at the far edge of the region instead: off by less than s original pixels). Only the region is
     * converted and held; a JPEG decoder still reads the compressed data up to the region's last row.
     */
    public static RgbImage readRegion(Path file, PixelRect region, int subsampling) throws ImageLoadException {
        if (subsampling < 1 || region.width() <= 0 || region.height() <= 0) {
            throw new IllegalArgumentException("bad region " + region + " or subsampling " + subsampling);
        }
        try (OpenImage image = OpenImage.open(file)) {
            Size stored = image.storedSize();
            checkPixelLimit(file, stored, MAX_REDUCED_SOURCE_PIXELS);
            Size display = image.orientation().displaySize(stored);
            if (region.x() < 0 || region.y() < 0 || region.x() + region.width() > display.width()
                    || region.y() + region.height() > display.height()) {
                throw new IllegalArgumentException("region " + region + " is not inside the image " + display);
            }
            PixelRect storedRegion = image.orientation().storedRegion(region, stored);
            BufferedImage decoded = image.decodeRegion(storedRegion, subsampling);
            Size decodedSize = new Size(decoded.getWidth(), decoded.getHeight());
            return image.orientation().apply(new RgbImage(decodedSize, ArgbConverter.toArgb(decoded)));
        } catch (OutOfMemoryError e) {
            throw new ImageLoadException(file, ImageLoadException.Reason.TOO_LARGE,
                    "not enough memory to decode a region of it");
        }
    }

    private static LoadedImage decode(Path file, long maxSourcePixels, ToIntFunction<Size> subsamplingFor)
            throws ImageLoadException {
        try (OpenImage image = OpenImage.open(file)) {
            Size stored = image.storedSize();
            checkPixelLimit(file, stored, maxSourcePixels);
            int subsampling = subsamplingFor.applyAsInt(stored);
            Size decodedSize = new Size((stored.width() + subsampling - 1) / subsampling,
                    (stored.height() + subsampling - 1) / subsampling);
            checkPixelLimit(file, decodedSize, MAX_ARRAY_PIXELS);
            BufferedImage decoded = image.decode(stored, subsampling);
            RgbImage upright = image.orientation().apply(new RgbImage(decodedSize, ArgbConverter.toArgb(decoded)));
            return new LoadedImage(file, upright, image.orientation().displaySize(stored), subsampling,
                    image.warnings());
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
}
