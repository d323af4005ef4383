package org.samannotator.core.thumbnail;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.image.ImageLoadException;
import org.samannotator.core.image.ImageLoader;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.io.AtomicFiles;
import org.samannotator.core.model.UserCacheDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Small previews of images (longest side {@link #longestSide()}), kept as PNG files in a cache folder (by
 * default {@code <user cache>/thumbnails}). An entry's name is the SHA-256 of the image's absolute path, its
 * size and modification time and the thumbnail size, so a changed image gets a new thumbnail and a stale one
 * is never used. A thumbnail is made by decoding the image with source subsampling (never at full
 * resolution when it is large) and scaling it down bilinearly; it is written atomically. An unreadable cache
 * entry is made again. Thread-safe (no state besides the folder); callers run it off the UI thread.
 */
public final class ThumbnailCache {
    public static final int DEFAULT_LONGEST_SIDE = 64;
    private static final Logger LOG = LoggerFactory.getLogger(ThumbnailCache.class);

    private final Path directory;
    private final int longestSide;

    /** {@code directory} null: thumbnails are made every time and never stored. */
    public ThumbnailCache(Path directory, int longestSide) {
        if (longestSide < 8 || longestSide > 512) {
            throw new IllegalArgumentException("thumbnail size must be in 8..512 pixels, got " + longestSide);
        }
        this.directory = directory;
        this.longestSide = longestSide;
    }

    /** The user's thumbnail cache ({@link UserCacheDirectory}), 64 pixels. */
    public static ThumbnailCache openDefault() {
        return new ThumbnailCache(UserCacheDirectory.locate().resolve("thumbnails"), DEFAULT_LONGEST_SIDE);
    }

    public int longestSide() {
        return longestSide;
    }

    /** The thumbnail of {@code image}: from the cache folder, else made (and stored). */
    public RgbImage thumbnail(Path image) throws ImageLoadException, IOException {
        Optional<Path> entry = entryFor(image);
        if (entry.isPresent()) {
            Optional<RgbImage> cached = read(entry.get());
            if (cached.isPresent()) {
                return cached.get();
            }
        }
        BufferedImage made = make(image);
        if (entry.isPresent()) {
            store(entry.get(), made);
        }
        return toRgb(made);
    }

    /** The cache file of {@code image}'s current version (empty without a cache folder). */
    Optional<Path> entryFor(Path image) throws IOException {
        if (directory == null) {
            return Optional.empty();
        }
        BasicFileAttributes attributes = Files.readAttributes(image, BasicFileAttributes.class);
        String key = image.toAbsolutePath().normalize() + "\n" + attributes.size() + "\n"
                + attributes.lastModifiedTime().toMillis() + "\n" + longestSide;
        return Optional.of(directory.resolve(sha256(key) + ".png"));
    }

    private static Optional<RgbImage> read(Path entry) {
        try {
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(entry)));
            return png == null ? Optional.empty() : Optional.of(toRgb(png));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Thumbnail {} unreadable; making it again", entry, e);
            return Optional.empty();
        }
    }

    private void store(Path entry, BufferedImage thumbnail) {
        try {
            Files.createDirectories(entry.getParent());
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(thumbnail, "png", png);
            AtomicFiles.writeBytes(entry, png.toByteArray());
        } catch (IOException | RuntimeException e) {
            LOG.debug("Thumbnail {} not stored (shown anyway)", entry, e);
        }
    }

    private BufferedImage make(Path image) throws ImageLoadException {
        RgbImage decoded = ImageLoader.readReduced(image, 2 * longestSide).image();
        Size size = fitted(decoded.size());
        BufferedImage source = new BufferedImage(decoded.width(), decoded.height(), BufferedImage.TYPE_INT_ARGB);
        source.setRGB(0, 0, decoded.width(), decoded.height(), decoded.argb(), 0, decoded.width());
        BufferedImage scaled = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, size.width(), size.height(), null);
        } finally {
            g.dispose();
        }
        return scaled;
    }

    /** {@code size} scaled so its longest side is {@link #longestSide} (never enlarged), at least 1 x 1. */
    Size fitted(Size size) {
        double scale = Math.min(1.0, (double) longestSide / Math.max(size.width(), size.height()));
        return new Size(Math.max(1, (int) Math.round(size.width() * scale)),
                Math.max(1, (int) Math.round(size.height() * scale)));
    }

    private static RgbImage toRgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        return new RgbImage(new Size(w, h), image.getRGB(0, 0, w, h, null, 0, w));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
