package org.samannotator.core.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading COCO and YOLO detection input; malformed input names the file and the line. */
class DetectionInputTest {
    @TempDir
    Path dir;

    @Test
    void cocoAnnotationsKeepTheirLines() throws IOException {
        Path file = dir.resolve("in.json");
        Files.writeString(file, "{\n\"images\": [{\"id\": 1, \"file_name\": \"a.png\", \"width\": 10, \"height\": 8}],\n"
                + "\"annotations\": [\n{\"id\": 1, \"image_id\": 1, \"bbox\": [1, 1, 4, 4]},\n"
                + "{\"id\": 2, \"image_id\": 1, \"bbox\": [2, 2, 3, 3], \"extra\": \"kept\"}\n], \"categories\": []}\n");
        DetectionFile d = DetectionFile.read(file);
        assertEquals(2, d.annotations().size());
        assertEquals(4, d.lineOf(0));
        assertEquals(5, d.lineOf(1));
        assertEquals("kept", d.annotations().get(1).get("extra").asText());
    }

    @Test
    void invalidJsonNamesFileAndLine() throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\n\"images\": [],\n\"annotations\": [ {\"id\": 1,, } ]\n}");
        IOException e = assertThrows(IOException.class, () -> DetectionFile.read(file));
        assertTrue(e.getMessage().contains("broken.json, line 3"), e.getMessage());
    }

    @Test
    void yoloLabelsBecomePixelBoxesAndABadLineIsNamed() throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        Path labels = Files.createDirectories(dir.resolve("labels"));
        ImageIO.write(new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB), "png", images.resolve("cat.png").toFile());
        Path names = Files.writeString(dir.resolve("names.txt"), "cat\ndog\n");
        Files.writeString(labels.resolve("cat.txt"), "1 0.5 0.5 0.2 0.4\n\n0 0.25 0.25 0.1 0.1\n");
        DetectionFile d = YoloLabels.read(labels, names, images);
        assertEquals(2, d.annotations().size());
        assertEquals("[80.0,30.0,40.0,40.0]", d.annotations().get(0).get("bbox").toString());
        assertEquals(2, d.annotations().get(0).get("category_id").asInt());
        assertEquals(3, d.lineOf(1));
        assertEquals("cat.png", d.image(1).get("file_name").asText());

        Files.writeString(labels.resolve("cat.txt"), "0 0.5 0.5 0.2 0.4\n0 0.5 0.5 0.2\n");
        IOException e = assertThrows(IOException.class, () -> YoloLabels.read(labels, names, images));
        assertTrue(e.getMessage().contains("cat.txt, line 2"), e.getMessage());
        Files.writeString(labels.resolve("cat.txt"), "7 0.5 0.5 0.2 0.4\n");
        e = assertThrows(IOException.class, () -> YoloLabels.read(labels, names, images));
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("class 7"), e.getMessage());
    }
}
