package org.samannotator.core.image;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.PixelRect;

/**
 * An opened image file with its reader selected, its EXIF orientation read and the decoder's warnings
 * collected; reading the header ({@link #storedSize}) decodes no pixels. Closes stream and reader.
 */
final class OpenImage implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ImageLoader.class.getName());

    private final Path file;
    private final ImageInputStream input;
    private final ImageReader reader;
    private final ExifOrientation orientation;
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

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
            OpenImage image = new OpenImage(file, input, reader, orientation);
            reader.addIIOReadWarningListener((source, warning) -> image.warn(warning));
            return image;
        } catch (ImageLoadException e) {
            closeQuietly(input);
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(input);
            throw corrupt(file, e);
        }
    }

    private void warn(String warning) {
        LOG.log(System.Logger.Level.WARNING, "Image " + file + ": " + warning);
        warnings.add(warning);
    }

    ExifOrientation orientation() {
        return orientation;
    }

    /** The decoder's warnings so far. */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The stored (width, height) from the header, before orientation. */
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

    /**
     * Decodes the first image, keeping every {@code subsampling}-th pixel in x and y (1 = all), so the result
     * is ceil(width / s) x ceil(height / s) and the full resolution is never held in memory.
     */
    BufferedImage decode(Size stored, int subsampling) throws ImageLoadException {
        try {
            if (ImageFormats.isBmp(reader)) {
                Optional<String> missing = BmpLengthCheck.missingData(file);
                if (missing.isPresent()) {
                    throw new ImageLoadException(file, ImageLoadException.Reason.CORRUPT, missing.get());
                }
            }
            ImageReadParam param = reader.getDefaultReadParam();
            if (subsampling > 1) {
                param.setSourceSubsampling(subsampling, subsampling, 0, 0);
            }
            BufferedImage image = reader.read(0, param);
            int width = (stored.width() + subsampling - 1) / subsampling;
            int height = (stored.height() + subsampling - 1) / subsampling;
            if (image.getWidth() != width || image.getHeight() != height) {
                throw new ImageLoadException(file, ImageLoadException.Reason.CORRUPT, "decoded size "
                        + image.getWidth() + "x" + image.getHeight() + " differs from header size " + stored);
            }
            return image;
        } catch (IOException | RuntimeException e) {
            throw e instanceof ImageLoadException loadException ? loadException : corrupt(file, e);
        }
    }

    /**
     * Decodes only {@code region} (x, y, width, height; STORED pixels, inside the image) keeping every
     * {@code subsampling}-th pixel from its top-left corner, so the result is ceil(width / s) x ceil(height / s).
     */
    BufferedImage decodeRegion(PixelRect region, int subsampling) throws ImageLoadException {
        try {
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceRegion(new Rectangle(region.x(), region.y(), region.width(), region.height()));
            param.setSourceSubsampling(subsampling, subsampling, 0, 0);
            return reader.read(0, param);
        } catch (IOException | RuntimeException e) {
            throw corrupt(file, e);
        }
    }

    @Override
    public void close() {
        reader.dispose();
        closeQuietly(input);
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
