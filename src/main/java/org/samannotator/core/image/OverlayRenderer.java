package org.samannotator.core.image;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.samannotator.core.io.AtomicFiles;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.prompt.PointLabel;
import org.samannotator.core.prompt.Prompt;
import org.samannotator.core.prompt.PromptPoint;

/**
 * Draws a mask over its image for a human to check (CLI {@code segment --overlay}): the mask tinted
 * translucent blue, its outline opaque, foreground points green, background points red, the box yellow.
 * All in original image pixels.
 */
public final class OverlayRenderer {
    private static final int FILL_RGB = 0x1E90FF;
    private static final double FILL_ALPHA = 0.45;

    private OverlayRenderer() {
    }

    public static BufferedImage render(RgbImage image, BitMask mask, Prompt prompt) {
        int w = image.width();
        int h = image.height();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.argbAt(x, y) & 0xFFFFFF;
                if (mask.get(x, y)) {
                    rgb = isOutline(mask, x, y) ? 0xFFFFFF : blend(rgb, FILL_RGB, FILL_ALPHA);
                }
                out.setRGB(x, y, rgb);
            }
        }
        drawPrompt(out.createGraphics(), prompt, Math.max(4, Math.max(w, h) / 120.0));
        return out;
    }

    public static void write(RgbImage image, BitMask mask, Prompt prompt, Path file) throws IOException {
        BufferedImage rendered = render(image, mask, prompt);
        AtomicFiles.write(file, out -> ImageIO.write(rendered, "png", out));
    }

    private static boolean isOutline(BitMask mask, int x, int y) {
        return x == 0 || y == 0 || x == mask.width() - 1 || y == mask.height() - 1
                || !mask.get(x - 1, y) || !mask.get(x + 1, y) || !mask.get(x, y - 1) || !mask.get(x, y + 1);
    }

    private static int blend(int rgb, int tint, double alpha) {
        int r = (int) (((rgb >> 16) & 0xFF) * (1 - alpha) + ((tint >> 16) & 0xFF) * alpha);
        int g = (int) (((rgb >> 8) & 0xFF) * (1 - alpha) + ((tint >> 8) & 0xFF) * alpha);
        int b = (int) ((rgb & 0xFF) * (1 - alpha) + (tint & 0xFF) * alpha);
        return (r << 16) | (g << 8) | b;
    }

    private static void drawPrompt(Graphics2D g, Prompt prompt, double radius) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setStroke(new BasicStroke((float) Math.max(1.5, radius / 3)));
        prompt.box().ifPresent(box -> {
            g.setColor(Color.YELLOW);
            g.draw(new Rectangle2D.Double(box.x0(), box.y0(), box.width(), box.height()));
        });
        List<PromptPoint> points = prompt.points();
        for (PromptPoint p : points) {
            Ellipse2D dot = new Ellipse2D.Double(p.position().x() - radius, p.position().y() - radius, 2 * radius, 2 * radius);
            g.setColor(p.label() == PointLabel.FOREGROUND ? new Color(0x22CC44) : new Color(0xE03030));
            g.fill(dot);
            g.setColor(Color.WHITE);
            g.draw(dot);
        }
        g.dispose();
    }
}
