package org.samannotator.core.formats;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import javax.imageio.ImageIO;
import org.samannotator.core.annotation.AnnotatedObject;
import org.samannotator.core.annotation.AnnotationProject;
import org.samannotator.core.annotation.Category;
import org.samannotator.core.annotation.ImageFolder;
import org.samannotator.core.annotation.ImportedObject;
import org.samannotator.core.annotation.ProjectData;
import org.samannotator.core.annotation.PromptSet;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;

/**
 * A small folder for format tests: "a.png" (40x30) with a ring (a square with a hole), a two-part object and
 * a rectangle of another category; "b.png" (25x20) with one rectangle; "c.png" (10x10) without objects.
 */
public final class FormatsFixture {
    public static final Size A = new Size(40, 30);
    public static final Size B = new Size(25, 20);

    public final Path folder;
    public final AnnotationProject project;

    public FormatsFixture(Path folder) throws IOException {
        this.folder = folder;
        writeImage(folder.resolve("a.png"), A);
        writeImage(folder.resolve("b.png"), B);
        writeImage(folder.resolve("c.png"), new Size(10, 10));
        project = new AnnotationProject(ProjectData.empty());
        Map<String, List<ImportedObject>> objects = new LinkedHashMap<>();
        objects.put("a.png", List.of(object(1, ring()), object(1, twoParts()), object(2, rectangle(A, 30, 20, 38, 29))));
        objects.put("b.png", List.of(object(2, rectangle(B, 0, 0, 7, 5))));
        project.importObjects(List.of(new Category(1, "cat", 0xff0000), new Category(2, "dog", 0x00ff00)), objects);
    }

    public List<String> images() throws IOException {
        return ImageFolder.listImages(folder);
    }

    /** A fresh project with no objects, for importing into. */
    public static AnnotationProject emptyProject() {
        return new AnnotationProject(ProjectData.empty());
    }

    /** The masks of an image's objects, in order. */
    public static List<BitMask> masks(AnnotationProject project, String file) {
        return project.image(file).objects().stream().map(AnnotatedObject::mask).toList();
    }

    /** The category names of an image's objects, in order. */
    public static List<String> categoryNames(AnnotationProject project, String file) {
        return project.image(file).objects().stream()
                .map(o -> project.category(o.categoryId()).orElseThrow().name()).toList();
    }

    private static ImportedObject object(int category, BitMask mask) {
        return new ImportedObject(category, mask, PromptSet.EMPTY, OptionalDouble.of(0.9), 2.5);
    }

    /** A 12x12 square at (2, 2) with a 4x4 hole at (6, 6). */
    static BitMask ring() {
        BitMask mask = rectangle(A, 2, 2, 14, 14);
        for (int y = 6; y < 10; y++) {
            for (int x = 6; x < 10; x++) {
                mask.set(x, y, false);
            }
        }
        return mask;
    }

    /** Two separate blobs, one of them touching the image border. */
    static BitMask twoParts() {
        BitMask mask = rectangle(A, 18, 3, 24, 9);
        mask.or(rectangle(A, 20, 20, 26, 30));
        mask.set(26, 19);
        return mask;
    }

    /** Pixels x in [x0, x1), y in [y0, y1). */
    static BitMask rectangle(Size size, int x0, int y0, int x1, int y1) {
        BitMask mask = new BitMask(size);
        for (int y = y0; y < y1; y++) {
            mask.setRun(y, x0, x1, true);
        }
        return mask;
    }

    private static void writeImage(Path file, Size size) throws IOException {
        BufferedImage image = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size.height(); y++) {
            for (int x = 0; x < size.width(); x++) {
                image.setRGB(x, y, (x * 6) << 16 | (y * 8) << 8 | 90);
            }
        }
        ImageIO.write(image, "png", file.toFile());
    }
}
