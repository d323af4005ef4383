package org.samannotator.core.eval;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.samannotator.core.geometry.Size;

/**
 * Reads a ground-truth mask image (PNG) into a {@link GroundTruth}. Gray levels are read from the raster,
 * not through a color conversion (which would shift 128): 8-bit gray as is, 16-bit gray scaled to 8 bits,
 * palette images through their palette, RGB(A) images only when R = G = B at every pixel (alpha ignored).
 */
public final class GroundTruthReader {
    private GroundTruthReader() {
    }

    public static GroundTruth read(Path file) {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new EvaluationDataException(file, "cannot read the mask image: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new EvaluationDataException(file, "not a readable image format for a mask (PNG expected)");
        }
        Size size = new Size(image.getWidth(), image.getHeight());
        return GroundTruth.fromGrayLevels(size, grayLevels(file, image));
    }

    private static int[] grayLevels(Path file, BufferedImage image) {
        ColorModel colorModel = image.getColorModel();
        Raster raster = image.getRaster();
        int width = image.getWidth();
        int height = image.getHeight();
        int[] levels = new int[width * height];
        int colorBands = colorModel.getNumColorComponents();
        int shift = Math.max(0, colorModel.getComponentSize(0) - 8);
        IndexColorModel palette = colorModel instanceof IndexColorModel indexed ? indexed : null;
        int[] rgb = new int[3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (palette != null) {
                    int index = raster.getSample(x, y, 0);
                    rgb[0] = palette.getRed(index);
                    rgb[1] = palette.getGreen(index);
                    rgb[2] = palette.getBlue(index);
                } else if (colorBands == 1) {
                    rgb[0] = raster.getSample(x, y, 0) >> shift;
                    rgb[1] = rgb[0];
                    rgb[2] = rgb[0];
                } else {
                    for (int band = 0; band < 3; band++) {
                        rgb[band] = raster.getSample(x, y, band) >> shift;
                    }
                }
                if (rgb[0] != rgb[1] || rgb[0] != rgb[2]) {
                    throw new EvaluationDataException(file, "mask must be grayscale, pixel (" + x + ", " + y
                            + ") has RGB " + rgb[0] + "," + rgb[1] + "," + rgb[2]);
                }
                levels[y * width + x] = rgb[0];
            }
        }
        return levels;
    }
}
