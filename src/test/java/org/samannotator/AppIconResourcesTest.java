package org.samannotator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The build copies icons/sam-annotator-N.png onto the classpath as /icons/ for the window icon. */
class AppIconResourcesTest {

    @ParameterizedTest
    @ValueSource(ints = {16, 24, 32, 48, 64, 128, 256, 512})
    void everyIconSizeIsOnTheClasspathAtItsSize(int size) throws IOException {
        String resource = "/icons/sam-annotator-" + size + ".png";
        try (InputStream in = AppIconResourcesTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource + " missing from the classpath");
            BufferedImage icon = ImageIO.read(in);
            assertEquals(size, icon.getWidth(), resource);
            assertEquals(size, icon.getHeight(), resource);
            assertTrue(icon.getColorModel().hasAlpha(), resource + " needs transparent corners");
            int cornerAlpha = icon.getRGB(0, 0) >>> 24;
            assertTrue(cornerAlpha < 32, resource + ": the corner outside the rounded tile is (almost) transparent, alpha "
                    + cornerAlpha);
            assertEquals(0xFF, icon.getRGB(size / 2, size / 2) >>> 24, resource + ": the centre is opaque");
        }
    }
}
