package org.samannotator.core.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.samannotator.core.io.AtomicFiles;
import org.samannotator.core.mask.BitMask;

/** Writes a mask as an 8-bit grey PNG (0 background, 255 object), atomically. */
public final class MaskPngWriter {
    private MaskPngWriter() {
    }

    public static void write(BitMask mask, Path file) throws IOException {
        BufferedImage image = new BufferedImage(mask.width(), mask.height(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = mask.getIndex(i) ? (byte) 255 : 0;
        }
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
