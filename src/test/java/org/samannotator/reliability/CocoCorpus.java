package org.samannotator.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.samannotator.core.coco.CocoDataset;
import org.samannotator.core.coco.CocoFormatException;
import org.samannotator.core.coco.CocoReader;

/** Malformed COCO instances JSON through {@link CocoReader#read} (parsing plus the dataset validator). */
final class CocoCorpus {
    private static final String IMAGE = "{\"id\": 1, \"file_name\": \"a.png\", \"width\": 4, \"height\": 3}";
    private static final String CATEGORY = "{\"id\": 1, \"name\": \"cat\"}";
    private static final String RLE_ANNOTATION = "{\"id\": 1, \"image_id\": 1, \"category_id\": 1, \"segmentation\":"
            + " {\"size\": [3, 4], \"counts\": [0, 6, 6]}, \"area\": 6, \"bbox\": [0, 0, 2, 3], \"iscrowd\": 0}";
    private static final String POLYGON_ANNOTATION = "{\"id\": 2, \"image_id\": 1, \"category_id\": 1, \"segmentation\":"
            + " [[0, 0, 2, 0, 2, 3, 0, 3]], \"area\": 6, \"bbox\": [0, 0, 2, 3], \"iscrowd\": 0}";
    static final String VALID = dataset(IMAGE, CATEGORY, RLE_ANNOTATION + ", " + POLYGON_ANNOTATION);

    private CocoCorpus() {
    }

    private static String dataset(String images, String categories, String annotations) {
        return "{\"images\": [" + images + "], \"categories\": [" + categories + "], \"annotations\": ["
                + annotations + "]}";
    }

    static List<CorpusCase> cases() {
        List<CorpusCase> cases = new ArrayList<>();
        cases.add(coco("valid RLE + polygon (baseline)", VALID));
        for (int percent : new int[] {10, 50, 90, 99}) {
            cases.add(coco("truncated to " + percent + " %", VALID.substring(0, VALID.length() * percent / 100)));
        }
        cases.add(coco("zero bytes", ""));
        cases.add(coco("JSON null", "null"));
        cases.add(coco("JSON array", "[]"));
        cases.add(coco("nested 100000 levels deep", "{\"images\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}"));
        cases.add(coco("\"images\" is a string", VALID.replace("\"images\": [" + IMAGE + "]", "\"images\": \"a.png\"")));
        cases.add(coco("\"annotations\" missing", "{\"images\": [" + IMAGE + "], \"categories\": [" + CATEGORY + "]}"));
        cases.add(coco("image id 1e30", VALID.replace("{\"id\": 1, \"file_name\"", "{\"id\": 1e30, \"file_name\"")));
        cases.add(coco("image id 99999999999999999999999", VALID.replace("{\"id\": 1, \"file_name\"",
                "{\"id\": 99999999999999999999999, \"file_name\"")));
        cases.add(coco("image width -4", VALID.replace("\"width\": 4", "\"width\": -4")));
        cases.add(coco("image width 3000000000", VALID.replace("\"width\": 4", "\"width\": 3000000000")));
        cases.add(coco("RLE counts sum to 20, not 12", VALID.replace("[0, 6, 6]", "[0, 6, 14]")));
        cases.add(coco("RLE counts sum to 6", VALID.replace("[0, 6, 6]", "[0, 6]")));
        cases.add(coco("RLE negative count", VALID.replace("[0, 6, 6]", "[0, -6, 18]")));
        cases.add(coco("RLE size differs from the image", VALID.replace("[3, 4]", "[4, 3]")));
        cases.add(coco("RLE compressed string with bad characters", VALID.replace("[0, 6, 6]", "\"\\u0001\\u007f\"")));
        cases.add(coco("RLE size [2147483647, 2147483647]", VALID.replace("[3, 4]", "[2147483647, 2147483647]")));
        cases.add(coco("polygon with NaN (string)", VALID.replace("[[0, 0, 2, 0,", "[[\"NaN\", 0, 2, 0,")));
        cases.add(coco("polygon with NaN (non-standard JSON)", VALID.replace("[[0, 0, 2, 0,", "[[NaN, 0, 2, 0,")));
        cases.add(coco("polygon with 2 points", VALID.replace("[[0, 0, 2, 0, 2, 3, 0, 3]]", "[[0, 0, 2, 3]]")));
        cases.add(coco("polygon with an odd number of values", VALID.replace("[[0, 0, 2, 0, 2, 3, 0, 3]]",
                "[[0, 0, 2, 0, 2]]")));
        cases.add(coco("polygon coordinates 1e300", VALID.replace("[[0, 0, 2, 0,", "[[1e300, 0, 2, 0,")));
        cases.add(coco("segmentation is a number", VALID.replace("[[0, 0, 2, 0, 2, 3, 0, 3]]", "42")));
        cases.add(coco("duplicate image ids", dataset(IMAGE + ", " + IMAGE, CATEGORY, RLE_ANNOTATION)));
        cases.add(coco("duplicate annotation ids", VALID.replace("{\"id\": 2, \"image_id\"", "{\"id\": 1, \"image_id\"")));
        cases.add(coco("duplicate category ids", dataset(IMAGE, CATEGORY + ", " + CATEGORY, RLE_ANNOTATION)));
        cases.add(coco("unknown category", VALID.replace("\"category_id\": 1, \"segmentation\": [[",
                "\"category_id\": 7, \"segmentation\": [[")));
        cases.add(coco("unknown image", VALID.replace("\"image_id\": 1, \"category_id\": 1, \"segmentation\": [[",
                "\"image_id\": 9, \"category_id\": 1, \"segmentation\": [[")));
        cases.add(coco("bbox with 3 values", VALID.replace("\"bbox\": [0, 0, 2, 3], \"iscrowd\": 0}]",
                "\"bbox\": [0, 0, 2], \"iscrowd\": 0}]")));
        cases.add(coco("negative area", VALID.replace("\"area\": 6, \"bbox\": [0, 0, 2, 3], \"iscrowd\": 0}]",
                "\"area\": -6, \"bbox\": [0, 0, 2, 3], \"iscrowd\": 0}]")));
        cases.add(coco("invalid UTF-8 in a file name", null));
        return cases;
    }

    private static CorpusCase coco(String name, String json) {
        return new CorpusCase("COCO JSON", name, "CocoReader.read", dir -> {
            byte[] bytes = json != null ? json.getBytes(StandardCharsets.UTF_8) : invalidUtf8();
            Path file = Files.write(dir.resolve("annotations.json"), bytes);
            try {
                CocoDataset dataset = CocoReader.read(file);
                ClearMessages.assertUnchanged(file, bytes);
                return CorpusCase.Outcome.of("loaded", dataset.images().size() + " image(s), "
                        + dataset.annotations().size() + " annotation(s)");
            } catch (CocoFormatException e) {
                assertEquals(file, e.file());
                ClearMessages.assertUnchanged(file, bytes);
                return CorpusCase.Outcome.of("refused", ClearMessages.assertClear(e.getMessage(), file));
            }
        });
    }

    private static byte[] invalidUtf8() {
        byte[] bytes = VALID.getBytes(StandardCharsets.UTF_8);
        bytes[VALID.indexOf("a.png")] = (byte) 0xC3;
        bytes[VALID.indexOf("a.png") + 1] = (byte) 0x28;
        return bytes;
    }
}
