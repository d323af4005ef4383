package org.samannotator.core.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CocoReaderErrorsTest {
    private static final String IMAGES = "\"images\": [{\"id\": 1, \"file_name\": \"x.jpg\", \"width\": 3, \"height\": 3}]";
    private static final String CATEGORIES = "\"categories\": [{\"id\": 5, \"name\": \"thing\"}]";

    @TempDir
    Path dir;

    /** Reads {@code json} from a file and returns the problem reported; the message must name the file. */
    private String problemOf(String json) throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, json);
        CocoFormatException e = assertThrows(CocoFormatException.class, () -> CocoReader.read(file));
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        return e.problem();
    }

    private static String withAnnotation(String annotation) {
        return "{" + IMAGES + ", " + CATEGORIES + ", \"annotations\": [" + annotation + "]}";
    }

    @Test
    void corruptJson() throws IOException {
        String problem = problemOf("{\"images\": [{\"id\": 1, \"file_name\": ");
        assertTrue(problem.startsWith("not valid JSON"), problem);
        assertTrue(problem.contains("line 1"), problem);
        assertTrue(problemOf("{" + IMAGES + ", " + CATEGORIES + "} trailing").contains("trailing"),
                "garbage after the object is rejected");
    }

    @Test
    void emptyFileAndWrongTopLevel() throws IOException {
        assertEquals("the file is empty", problemOf(""));
        String problem = problemOf("[1, 2]");
        assertTrue(problem.startsWith("the top level must be a COCO JSON object"), problem);
        assertTrue(problemOf("null").contains("JSON null"));
    }

    @Test
    void missingRequiredFields() throws IOException {
        String noImages = problemOf("{" + CATEGORIES + "}");
        assertTrue(noImages.startsWith("images: required key is missing"), noImages);
        String noFileName = problemOf("{\"images\": [{\"id\": 1, \"width\": 3, \"height\": 3}], " + CATEGORIES + "}");
        assertTrue(noFileName.startsWith("images[0].file_name: required key is missing"), noFileName);
        String noImageId = problemOf(withAnnotation("{\"id\": 1, \"category_id\": 5, \"area\": 3, \"bbox\": [1, 0, 2, 2],"
                + " \"segmentation\": {\"size\": [3, 3], \"counts\": \"322OO\"}}"));
        assertTrue(noImageId.contains("image_id") && noImageId.contains("annotations[0]"), noImageId);
        String noSegmentation = problemOf(withAnnotation(
                "{\"id\": 1, \"image_id\": 1, \"category_id\": 5, \"area\": 3, \"bbox\": [1, 0, 2, 2]}"));
        assertTrue(noSegmentation.contains("segmentation"), noSegmentation);
    }

    @Test
    void badValues() throws IOException {
        String zeroWidth = problemOf("{\"images\": [{\"id\": 1, \"file_name\": \"x\", \"width\": 0, \"height\": 3}], "
                + CATEGORIES + "}");
        assertTrue(zeroWidth.contains("width and height must be positive") && zeroWidth.contains("images[0]"), zeroWidth);
        String textId = problemOf("{\"images\": [{\"id\": \"one\", \"file_name\": \"x\", \"width\": 3, \"height\": 3}], "
                + CATEGORIES + "}");
        assertTrue(textId.contains("images[0].id"), textId);
        String shortBbox = problemOf(withAnnotation("{\"id\": 1, \"image_id\": 1, \"category_id\": 5, \"area\": 3,"
                + " \"bbox\": [1, 0, 2], \"segmentation\": {\"size\": [3, 3], \"counts\": \"322OO\"}}"));
        assertTrue(shortBbox.contains("bbox"), shortBbox);
        String crowd = problemOf(withAnnotation("{\"id\": 1, \"image_id\": 1, \"category_id\": 5, \"area\": 3, \"iscrowd\": 2,"
                + " \"bbox\": [1, 0, 2, 2], \"segmentation\": {\"size\": [3, 3], \"counts\": \"322OO\"}}"));
        assertTrue(crowd.contains("iscrowd 2"), crowd);
    }

    @Test
    void badSegmentations() throws IOException {
        String prefix = "{\"id\": 1, \"image_id\": 1, \"category_id\": 5, \"area\": 3, \"bbox\": [1, 0, 2, 2], \"segmentation\": ";
        String text = problemOf(withAnnotation(prefix + "\"oops\"}"));
        assertTrue(text.contains("annotations[0].segmentation") && text.contains("list of polygons or an RLE"), text);
        String oddPolygon = problemOf(withAnnotation(prefix + "[[1, 2, 3]]}"));
        assertTrue(oddPolygon.contains("odd number"), oddPolygon);
        String badSum = problemOf(withAnnotation(prefix + "{\"size\": [3, 3], \"counts\": [3, 2]}}"));
        assertTrue(badSum.contains("sum to 5"), badSum);
        String badChar = problemOf(withAnnotation(prefix + "{\"size\": [3, 3], \"counts\": \"3 2\"}}"));
        assertTrue(badChar.contains("invalid RLE character"), badChar);
        String noSize = problemOf(withAnnotation(prefix + "{\"counts\": \"322OO\"}}"));
        assertTrue(noSize.contains("size"), noSize);
        String wrongSize = problemOf(withAnnotation(prefix + "{\"size\": [9, 1], \"counts\": \"9\"}}"));
        assertTrue(wrongSize.contains("RLE size [h, w] = [9, 1] differs from image 1 [3, 3]"), wrongSize);
    }

    @Test
    void inconsistentReferences() throws IOException {
        String rle = "\"area\": 3, \"bbox\": [1, 0, 2, 2], \"segmentation\": {\"size\": [3, 3], \"counts\": \"322OO\"}";
        String unknownImage = problemOf(withAnnotation("{\"id\": 4, \"image_id\": 2, \"category_id\": 5, " + rle + "}"));
        assertEquals("annotations[0] (id 4): image_id 2 is not in images", unknownImage);
        String unknownCategory = problemOf(withAnnotation("{\"id\": 4, \"image_id\": 1, \"category_id\": 6, " + rle + "}"));
        assertEquals("annotations[0] (id 4): category_id 6 is not in categories", unknownCategory);
        String duplicate = problemOf(withAnnotation("{\"id\": 4, \"image_id\": 1, \"category_id\": 5, " + rle + "}, "
                + "{\"id\": 4, \"image_id\": 1, \"category_id\": 5, " + rle + "}"));
        assertEquals("annotations[1] (id 4): duplicate annotation id", duplicate);
        String duplicateImage = problemOf("{\"images\": [{\"id\": 1, \"file_name\": \"a\", \"width\": 3, \"height\": 3},"
                + " {\"id\": 1, \"file_name\": \"b\", \"width\": 3, \"height\": 3}], " + CATEGORIES + "}");
        assertEquals("images[1]: duplicate image id 1", duplicateImage);
    }

    @Test
    void missingFileIsAnIoErrorNotAFormatError() {
        assertThrows(NoSuchFileException.class, () -> CocoReader.read(dir.resolve("absent.json")));
    }
}
