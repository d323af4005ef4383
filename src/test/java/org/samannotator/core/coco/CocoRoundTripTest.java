package org.samannotator.core.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.coco.CocoSegmentation.PolygonSegmentation;
import org.samannotator.core.coco.CocoSegmentation.RleSegmentation;
import org.samannotator.core.geometry.Box;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.prompt.PromptPoint;

class CocoRoundTripTest {
    @TempDir
    Path dir;

    /** 3x3 mask with rows 010 / 011 / 000: RLE counts [3, 2, 2, 1, 1], string "322OO". */
    static BitMask threeByThree() {
        BitMask mask = new BitMask(new Size(3, 3));
        mask.set(1, 0);
        mask.set(1, 1);
        mask.set(2, 1);
        return mask;
    }

    /** A 6 (wide) x 4 (high) ring: rows 000000 / 011100 / 010100 / 011100 (hole at (2, 2)). */
    static BitMask ringMask() {
        return BitMask.fromPredicate(new Size(6, 4), (x, y) -> x >= 1 && x <= 3 && y >= 1 && !(x == 2 && y == 2));
    }

    static CocoDataset sampleDataset() {
        CocoImage small = new CocoImage(1, "a.png", 3, 3);
        CocoImage wide = new CocoImage(7, "sub/b.jpg", 6, 4);
        CocoAnnotation withExtras = CocoAnnotation.fromMask(10, 1, 2, threeByThree())
                .withPrompts(CocoPrompts.of(List.of(PromptPoint.foreground(1, 0.5), PromptPoint.background(2, 2)),
                        Optional.of(new Box(0.5, 0, 2.25, 2))))
                .withPredictedIou(0.93)
                .withSecondsSpent(4.5)
                .withOrder(0);
        CocoAnnotation polygon = CocoAnnotation.fromMask(11, 7, 3, ringMask(), SegmentationEncoding.POLYGONS, 0);
        return new CocoDataset(CocoInfo.describedAs("test set"), List.of(small, wide),
                List.of(new CocoCategory(2, "cat", "animal", "#ff8800"), CocoCategory.of(3, "ring")),
                List.of(withExtras, polygon), List.of(new CocoLicense(1, "CC-BY", "https://example.org/l")));
    }

    @Test
    void writesAndReadsBackEqual() throws IOException {
        Path file = dir.resolve("instances.json");
        CocoDataset dataset = sampleDataset();
        CocoWriter.write(file, dataset);
        CocoDataset read = CocoReader.read(file);
        assertEquals(dataset, read);
        assertEquals(threeByThree(), read.annotations().get(0).toMask(new Size(3, 3)));
        assertEquals(ringMask(), read.annotations().get(1).toMask(new Size(6, 4)));
        assertEquals(List.of(PromptPoint.foreground(1, 0.5), PromptPoint.background(2, 2)),
                read.annotations().get(0).prompts().promptPoints());
        assertEquals(Optional.of(new Box(0.5, 0, 2.25, 2)), read.annotations().get(0).prompts().promptBox());
    }

    @Test
    void jsonUsesCocoNamesAndForms() throws IOException {
        JsonNode root = new ObjectMapper().readTree(CocoWriter.toJson(sampleDataset()));
        assertEquals("a.png", root.at("/images/0/file_name").asText());
        JsonNode rle = root.at("/annotations/0");
        assertEquals(1, rle.get("image_id").asLong());
        assertEquals(2, rle.get("category_id").asLong());
        assertEquals("[3,3]", rle.at("/segmentation/size").toString());
        assertEquals("322OO", rle.at("/segmentation/counts").asText());
        assertEquals("3", rle.get("area").toString());
        assertEquals("[1,0,2,2]", rle.get("bbox").toString());
        assertEquals(0, rle.get("iscrowd").asInt());
        assertEquals(0.93, rle.get("predicted_iou").asDouble());
        assertEquals(4.5, rle.get("seconds_spent").asDouble());
        assertEquals(0, rle.get("order").asInt());
        assertEquals("{\"x\":1,\"y\":0.5,\"label\":1}", rle.at("/prompts/points/0").toString());
        assertEquals("[0.5,0,2.25,2]", rle.at("/prompts/box").toString());

        JsonNode polygon = root.at("/annotations/1");
        // Ring outer 1,1 .. 4,4 keyholed to the hole around pixel (2, 2) at its nearest corner (1, 1).
        assertEquals("[[1,1,2,2,2,3,3,3,3,2,2,2,1,1,4,1,4,4,1,4]]", polygon.get("segmentation").toString());
        assertEquals("8", polygon.get("area").toString());
        assertFalse(polygon.has("prompts"), "null extras are omitted");
        assertFalse(polygon.has("predicted_iou"));
        assertEquals("#ff8800", root.at("/categories/0/color").asText());
        assertFalse(root.at("/categories/1").has("color"));
        assertEquals("test set", root.at("/info/description").asText());
        assertEquals("CC-BY", root.at("/licenses/0/name").asText());
    }

    @Test
    void readsAllThreeSegmentationFormsAndIgnoresUnknownKeys() throws IOException {
        String json = """
                {"info": {"year": 2017, "whatever": true},
                 "images": [{"id": 1, "file_name": "x.jpg", "width": 3, "height": 3,
                             "coco_url": "http://example.org/x.jpg", "date_captured": "2013-11-14"}],
                 "categories": [{"id": 5, "name": "thing", "supercategory": "stuff", "keypoints": []}],
                 "annotations": [
                   {"id": 1, "image_id": 1, "category_id": 5, "area": 3, "bbox": [1, 0, 2, 2], "iscrowd": 0,
                    "segmentation": [[1, 0, 2, 0, 2, 1, 3, 1, 3, 2, 1, 2]], "num_keypoints": 0},
                   {"id": 2, "image_id": 1, "category_id": 5, "area": 3, "bbox": [1, 0, 2, 2], "iscrowd": 0,
                    "segmentation": {"size": [3, 3], "counts": "322OO"}},
                   {"id": 3, "image_id": 1, "category_id": 5, "area": 3.0, "bbox": [1.0, 0.0, 2.0, 2.0], "iscrowd": 1,
                    "segmentation": {"size": [3, 3], "counts": [3, 2, 2, 1, 1]}}
                 ],
                 "unknown_top_level": {"a": [1, 2]}}
                """;
        Path file = dir.resolve("pycoco.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        CocoDataset read = CocoReader.read(file);
        Size size = new Size(3, 3);
        for (CocoAnnotation a : read.annotations()) {
            assertEquals(threeByThree(), a.toMask(size), "annotation " + a.id());
        }
        assertInstanceOf(PolygonSegmentation.class, read.annotations().get(0).segmentation());
        assertInstanceOf(RleSegmentation.class, read.annotations().get(2).segmentation());
        assertEquals(1, read.annotations().get(2).iscrowd());
        assertEquals(2017, read.info().year());
        assertEquals(List.of(), read.licenses());
        assertEquals(null, read.annotations().get(0).prompts());
        // An uncompressed RLE is written back compressed.
        assertTrue(CocoWriter.toJson(read).contains("\"counts\":\"322OO\""));
    }

    @Test
    void annotationsAreOptionalAndIscrowdDefaultsToZero() throws IOException {
        Path file = dir.resolve("info.json");
        Files.writeString(file, "{\"images\": [], \"categories\": []}");
        assertEquals(List.of(), CocoReader.read(file).annotations());
        Files.writeString(file, """
                {"images": [{"id": 1, "file_name": "x.jpg", "width": 3, "height": 3}],
                 "categories": [{"id": 5, "name": "thing"}],
                 "annotations": [{"id": 1, "image_id": 1, "category_id": 5, "area": 3, "bbox": [1, 0, 2, 2],
                                  "segmentation": {"size": [3, 3], "counts": "322OO"}}]}
                """);
        assertEquals(0, CocoReader.read(file).annotations().get(0).iscrowd());
    }

    @Test
    void reencodesBetweenRleAndPolygons() throws IOException {
        CocoDataset dataset = sampleDataset();
        Path file = dir.resolve("polygons.json");
        CocoWriter.write(file, dataset, SegmentationEncoding.POLYGONS);
        CocoDataset asPolygons = CocoReader.read(file);
        for (CocoAnnotation a : asPolygons.annotations()) {
            assertInstanceOf(PolygonSegmentation.class, a.segmentation());
        }
        CocoDataset asRle = CocoWriter.reencoded(asPolygons, SegmentationEncoding.RLE);
        for (int i = 0; i < dataset.annotations().size(); i++) {
            CocoAnnotation original = dataset.annotations().get(i);
            Size size = dataset.imageById(original.imageId()).orElseThrow().size();
            assertEquals(original.toMask(size), asPolygons.annotations().get(i).toMask(size));
            assertEquals(original.toMask(size), asRle.annotations().get(i).toMask(size));
            assertInstanceOf(RleSegmentation.class, asRle.annotations().get(i).segmentation());
            assertEquals(original.prompts(), asPolygons.annotations().get(i).prompts());
        }
    }

    @Test
    void fromMaskComputesAreaAndBbox() {
        CocoAnnotation a = CocoAnnotation.fromMask(1, 2, 3, ringMask());
        assertEquals(8, a.area());
        assertEquals(new CocoBbox(1, 1, 3, 3), a.bbox());
        CocoAnnotation empty = CocoAnnotation.fromMask(1, 2, 3, new BitMask(new Size(4, 4)));
        assertEquals(0, empty.area());
        assertEquals(CocoBbox.EMPTY, empty.bbox());
        CocoAnnotation simplified = CocoAnnotation.fromMask(1, 2, 3, ringMask(), SegmentationEncoding.POLYGONS, 2);
        assertEquals(8, simplified.area(), "area is the mask's pixel count whatever the encoding");
    }

    @Test
    void writerRejectsInconsistentDatasets() {
        CocoDataset dangling = CocoDataset.of(List.of(new CocoImage(1, "a.png", 3, 3)), List.of(CocoCategory.of(2, "c")),
                List.of(CocoAnnotation.fromMask(1, 99, 2, threeByThree())));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CocoWriter.write(dir.resolve("bad.json"), dangling));
        assertTrue(e.getMessage().contains("image_id 99"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("bad.json")));
    }
}
