package org.samannotator.gui;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.GradientPaint;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Generates folders of simple test photos in code: a gradient background with an orange disc (centre
 * {@link #discCentre}, radius {@link #discRadius}) and a purple rectangle {@link #rectangle}, shifted a
 * little per image index so images differ. Shapes are solid so SAM segments them reliably.
 */
public final class SyntheticImages {
    private SyntheticImages() {
    }

    public static int[] discCentre(int index) {
        return new int[] {170 + 10 * index, 210};
    }

    public static int discRadius() {
        return 90;
    }

    /** (x, y, width, height) of the purple rectangle. */
    public static int[] rectangle(int index) {
        return new int[] {390, 110 + 5 * index, 170, 230};
    }

    public static BufferedImage image(int index, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(0x9ab8d8), width, height, new Color(0x2f3e4e)));
        g.fillRect(0, 0, width, height);
        double sx = width / 640.0;
        double sy = height / 480.0;
        g.scale(sx, sy);
        int[] c = discCentre(index);
        int r = discRadius();
        g.setColor(new Color(0xf0a030));
        g.fillOval(c[0] - r, c[1] - r, 2 * r, 2 * r);
        int[] rect = rectangle(index);
        g.setColor(new Color(0x7a5ca8));
        g.fillRect(rect[0], rect[1], rect[2], rect[3]);
        g.setColor(new Color(0xe8dcb0));
        g.fillPolygon(new int[] {60, 200, 270}, new int[] {460, 350, 465}, 3);
        g.dispose();
        return image;
    }

    /** Writes {@code count} 640x480 PNGs named img1.png ... into {@code folder}; returns their names. */
    public static List<String> writeFolder(Path folder, int count) throws IOException {
        return writeFolder(folder, count, 640, 480);
    }

    public static List<String> writeFolder(Path folder, int count, int width, int height) throws IOException {
        Files.createDirectories(folder);
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String name = "img" + i + ".png";
            ImageIO.write(image(i, width, height), "png", folder.resolve(name).toFile());
            names.add(name);
        }
        return names;
    }

    /** Writes a demo folder: {@code java -cp ... SyntheticImages DIR [COUNT]}. */
    public static void main(String[] args) throws IOException {
        writeFolder(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 5);
    }
}
