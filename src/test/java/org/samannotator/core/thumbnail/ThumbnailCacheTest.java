package org.samannotator.core.thumbnail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.image.ImageLoadException;
import org.samannotator.core.image.RgbImage;

class ThumbnailCacheTest {
    @TempDir
    Path dir;

    /** Left half red, right half blue. */
    private Path image(String name, int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        Path file = dir.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private List<Path> entries(Path cacheDir) throws Exception {
        try (var files = Files.list(cacheDir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void aThumbnailKeepsTheAspectRatioAndThePicture() throws Exception {
        RgbImage thumb = new ThumbnailCache(dir.resolve("cache"), 64).thumbnail(image("a.png", 1000, 500));
        assertEquals(new Size(64, 32), thumb.size());
        assertEquals(0xFFFF0000, thumb.argbAt(5, 16), "left is red");
        assertEquals(0xFF0000FF, thumb.argbAt(58, 16), "right is blue");
    }

    @Test
    void aSmallImageIsNotEnlarged() throws Exception {
        assertEquals(new Size(20, 10), new ThumbnailCache(null, 64).thumbnail(image("s.png", 20, 10)).size());
    }

    @Test
    void theSecondRequestIsServedFromTheCacheFolderUntilTheImageChanges() throws Exception {
        Path cacheDir = dir.resolve("cache");
        ThumbnailCache cache = new ThumbnailCache(cacheDir, 64);
        Path file = image("a.png", 300, 200);
        cache.thumbnail(file);
        List<Path> first = entries(cacheDir);
        assertEquals(1, first.size());
        assertTrue(first.get(0).getFileName().toString().endsWith(".png"));
        // a marker image in the entry proves the next answer comes from the cache folder
        BufferedImage marker = new BufferedImage(3, 2, BufferedImage.TYPE_INT_ARGB);
        marker.setRGB(0, 0, 0xFF00FF00);
        ImageIO.write(marker, "png", first.get(0).toFile());
        assertEquals(new Size(3, 2), cache.thumbnail(file).size());

        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));
        assertEquals(new Size(64, 43), cache.thumbnail(file).size(), "a changed image gets a new thumbnail");
        assertEquals(2, entries(cacheDir).size());
    }

    @Test
    void aDamagedEntryIsMadeAgain() throws Exception {
        Path cacheDir = dir.resolve("cache");
        ThumbnailCache cache = new ThumbnailCache(cacheDir, 64);
        Path file = image("a.png", 300, 200);
        cache.thumbnail(file);
        Files.writeString(entries(cacheDir).get(0), "not a png");
        assertEquals(new Size(64, 43), cache.thumbnail(file).size());
        assertEquals(new Size(64, 43), new ThumbnailCache(cacheDir, 64).thumbnail(file).size(), "rewritten");
    }

    @Test
    void anUnreadableImageIsAnImageLoadException() throws Exception {
        Path broken = dir.resolve("broken.png");
        Files.writeString(broken, "not an image");
        assertThrows(ImageLoadException.class, () -> new ThumbnailCache(dir.resolve("c"), 64).thumbnail(broken));
    }
}
