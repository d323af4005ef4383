package org.samannotator.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.cli.RootCommand;
import org.samannotator.core.model.TestModels;
import picocli.CommandLine;

/**
 * The Spark job on local[2] against single-machine {@code auto} on the same images: byte-identical SA-1B files
 * (so identical RLE), one manifest row per image, a corrupt image as an error row while the job succeeds, and a
 * second run that skips everything.
 */
class SparkAutoJobIT {
    private static final List<String> GRABCUT = List.of("106024.jpg", "124084.jpg", "153077.jpg");

    @TempDir
    Path root;

    @Test
    void localTwoWritesWhatAutoWritesAndRecordsTheCorruptImage() throws IOException {
        Path models = TestModels.defaultModel().encoderFile().getParent();
        Path images = root.resolve("images");
        SparkJobFixtures.generatedImages(images, 12);
        for (String name : GRABCUT) {
            Files.copy(Path.of("/work/shared/datasets/GrabCut50/images", name), images.resolve(name));
        }
        Files.write(images.resolve("zz-corrupt.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
        Path auto = root.resolve("auto");
        Path spark = root.resolve("spark");

        StringWriter autoOut = new StringWriter();
        CommandLine cli = new CommandLine(new RootCommand());
        cli.setOut(new PrintWriter(autoOut));
        cli.setErr(new PrintWriter(new StringWriter()));
        int autoExit = cli.execute("auto", images.toString(), "--points-per-side", "8", "--no-cache", "--models-dir",
                models.toString(), "--out", auto.toString());
        assertEquals(3, autoExit, "auto reports the corrupt image: " + autoOut);

        String printed = SparkJobFixtures.runJob(images.toString(), "--master", "local[2]", "--models-dir", models.toString(),
                "--points-per-side", "8", "--out", spark.toString());
        assertTrue(printed.contains("15 written, 0 up to date (skipped), 1 failed"), printed);

        List<Path> autoFiles = jsonFiles(auto);
        assertEquals(15, autoFiles.size());
        assertEquals(autoFiles.stream().map(p -> p.getFileName().toString()).toList(),
                jsonFiles(spark).stream().map(p -> p.getFileName().toString()).toList());
        for (Path file : autoFiles) {
            assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(spark.resolve(file.getFileName())),
                    "same bytes (image_id, RLE, scores) as auto: " + file.getFileName());
        }
        assertArrayEquals(Files.readAllBytes(auto.resolve(".auto-settings")),
                Files.readAllBytes(spark.resolve(".auto-settings")));

        Map<String, JsonNode> rows = byImageName(SparkJobFixtures.latestManifest(spark));
        assertEquals(16, rows.size(), "one row per image");
        JsonNode corrupt = rows.get("zz-corrupt.jpg");
        assertEquals("error", corrupt.get("status").asText());
        assertTrue(corrupt.get("error").asText().contains("zz-corrupt.jpg"), corrupt.toString());
        assertTrue(corrupt.get("masks").isNull());
        JsonNode grabcut = rows.get("106024.jpg");
        assertEquals("done", grabcut.get("status").asText());
        assertEquals(481, grabcut.get("width").asInt());
        assertEquals(321, grabcut.get("height").asInt());
        int masks = new com.fasterxml.jackson.databind.ObjectMapper().readTree(spark.resolve("106024.json").toFile())
                .get("annotations").size();
        assertEquals(masks, grabcut.get("masks").asInt());
        assertTrue(grabcut.get("seconds").asDouble() > 0);

        String again = SparkJobFixtures.runJob(images.toString(), "--master", "local[2]", "--models-dir",
                models.toString(), "--points-per-side", "8", "--out", spark.toString());
        assertTrue(again.contains("0 written, 15 up to date (skipped), 1 failed"), again);
        Map<String, JsonNode> second = byImageName(SparkJobFixtures.latestManifest(spark));
        assertEquals("skipped", second.get("106024.jpg").get("status").asText());
        assertEquals(masks, second.get("106024.jpg").get("masks").asInt(), "a skipped row reads its output");
    }

    static List<Path> jsonFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    static Map<String, JsonNode> byImageName(List<JsonNode> rows) {
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode row : rows) {
            String image = row.get("image").asText();
            assertFalse(byName.containsKey(image.substring(image.lastIndexOf('/') + 1)), "once: " + image);
            byName.put(image.substring(image.lastIndexOf('/') + 1), row);
        }
        return byName;
    }
}
