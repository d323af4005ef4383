package org.samannotator.core.image;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The image formats this application reads and the ImageIO plugin registry setup. ImageIO discovers plugins
 * (TwelveMonkeys JPEG/TIFF) through {@code META-INF/services} on the context class loader; inside a shaded
 * jar or when the first ImageIO use happened on another class loader they may be missing, so
 * {@link ImageIO#scanForPlugins()} is called exactly once before first use.
 */
final class ImageFormats {
    private static final Logger LOG = LoggerFactory.getLogger(ImageFormats.class);

    /** ImageIO format names accepted (lower case). WBMP and others are deliberately excluded: their
     * content sniffing is weak enough to "recognise" random bytes. */
    private static final Set<String> FORMAT_NAMES = Set.of("jpeg", "jpg", "png", "bmp", "gif", "tiff", "tif", "webp");
    private static final String[] BASE_EXTENSIONS = {"jpg", "jpeg", "png", "bmp", "gif", "tif", "tiff"};

    private ImageFormats() {
    }

    /** Holder idiom: class initialisation runs the plugin scan once, thread-safely. */
    private static final class Registry {
        static final Set<String> EXTENSIONS;

        static {
            ImageIO.scanForPlugins();
            Set<String> extensions = new LinkedHashSet<>(Set.of(BASE_EXTENSIONS));
            if (ImageIO.getImageReadersBySuffix("webp").hasNext()) {
                extensions.add("webp");
            }
            EXTENSIONS = Set.copyOf(extensions);
        }
    }

    /** Makes sure plugins are registered; cheap after the first call. */
    static void ensurePluginsRegistered() {
        Registry.EXTENSIONS.size();
    }

    /** Lower-case file extensions (without dot) that {@link ImageLoader} can read. */
    static Set<String> extensions() {
        return Registry.EXTENSIONS;
    }

    static boolean hasSupportedExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return false;
        }
        return extensions().contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The first registered reader that recognises the stream's content and is one of our formats. */
    static Optional<ImageReader> readerFor(ImageInputStream in) {
        ensurePluginsRegistered();
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (isAcceptedFormat(reader)) {
                return Optional.of(reader);
            }
        }
        return Optional.empty();
    }

    private static boolean isAcceptedFormat(ImageReader reader) {
        try {
            String name = reader.getFormatName();
            return FORMAT_NAMES.contains(name.toLowerCase(Locale.ROOT));
        } catch (IOException e) {
            LOG.debug("image reader {} has no format name, not used: {}", reader, e.toString());
            return false;
        }
    }

    static boolean isBmp(ImageReader reader) {
        try {
            return reader.getFormatName().equalsIgnoreCase("bmp");
        } catch (IOException e) {
            return false;
        }
    }

    static boolean isJpeg(ImageReader reader) {
        try {
            String name = reader.getFormatName().toLowerCase(Locale.ROOT);
            return name.equals("jpeg") || name.equals("jpg");
        } catch (IOException e) {
            LOG.debug("image reader {} has no format name, not treated as JPEG: {}", reader, e.toString());
            return false;
        }
    }
}
