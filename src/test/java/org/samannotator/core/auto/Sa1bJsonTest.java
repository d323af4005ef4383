package org.samannotator.core.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.mask.Rle;

class Sa1bJsonTest {
    @TempDir
    Path dir;

    private static GeneratedMask sample() {
        BitMask m = new BitMask(new Size(8, 6));
        m.setRun(2, 3, 6, true);
        m.setRun(3, 3, 6, true);
        Rle rle = Rle.encode(m);
        return new GeneratedMask(rle, MaskBox.of(m.boundingBox()), rle.area(), 0.93, 0.97, new ImagePoint(4.5, 2.5),
                new CropBox(0, 0, 8, 6, 0));
    }

    @Test
    void writesSa1bFieldsAndTheCocoFileMergesImages() throws IOException {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        Sa1bJson.write(a, new Sa1bJson.ImageInfo(1, 8, 6, "a.png"), List.of(sample(), sample()));
        Sa1bJson.write(b, new Sa1bJson.ImageInfo(2, 8, 6, "b.png"), List.of(sample()));
        JsonNode root = new ObjectMapper().readTree(a.toFile());
        assertEquals("a.png", root.get("image").get("file_name").asText());
        assertEquals(8, root.get("image").get("width").asInt());
        JsonNode ann = root.get("annotations").get(1);
        assertEquals(2, ann.get("id").asInt());
        assertEquals("[6,8]", ann.get("segmentation").get("size").toString());
        assertEquals(Rle.encode(sample().rle().toMask()).toCompressedString(), ann.get("segmentation").get("counts").asText());
        assertEquals("[3,2,2,1]", ann.get("bbox").toString(), "SAM's xywh of the inclusive box");
        assertEquals(6, ann.get("area").asInt());
        assertEquals("[[4.5,2.5]]", ann.get("point_coords").toString());
        assertEquals("[0,0,8,6]", ann.get("crop_box").toString());
        assertEquals(0.93, ann.get("predicted_iou").asDouble(), 1e-9);
        assertEquals(0.97, ann.get("stability_score").asDouble(), 1e-9);

        Path coco = dir.resolve("coco.json");
        Sa1bToCoco.write(coco, List.of(a, b));
        JsonNode merged = new ObjectMapper().readTree(coco.toFile());
        assertEquals(2, merged.get("images").size());
        assertEquals(3, merged.get("annotations").size());
        assertEquals(3, merged.get("annotations").get(2).get("id").asInt());
        assertEquals(2, merged.get("annotations").get(2).get("image_id").asInt());
        assertEquals(1, merged.get("categories").size());
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void readRefusesAnIncompleteFile() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"image\": {}}");
        assertThrows(IOException.class, () -> Sa1bJson.read(bad));
    }
}
