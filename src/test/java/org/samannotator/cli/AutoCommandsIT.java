package org.samannotator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.eval.BenchmarkImages;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.model.TestModels;
import picocli.CommandLine;

/** auto, eval-auto and boxes-to-masks end to end with the real default model (tiny grids: few decoder runs). */
class AutoCommandsIT {
    private static final Size SIZE = new Size(160, 120);

    @TempDir
    Path root;

    @Test
    void autoWritesOnePerImageReportsACorruptImageAndResumes() throws IOException {
        TestModels.defaultModel();
        Path images = Files.createDirectories(root.resolve("images"));
        writePng(BenchmarkImages.synthetic(SIZE), images.resolve("a.png"));
        writePng(BenchmarkImages.synthetic(SIZE), images.resolve("b.png"));
        Files.write(images.resolve("c.png"), new byte[] {1, 2, 3, 4});
        Path out = root.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve(".a.json.1234.tmp"), "left by a killed run");
        Path coco = root.resolve("coco.json");
        StringWriter output = new StringWriter();
        int exit = run(output, "auto", images.toString(), "--points-per-side", "2", "--out", out.toString(),
                "--coco", coco.toString());
        assertEquals(3, exit, output.toString());
        assertTrue(output.toString().contains("failed: c.png"), output.toString());
        JsonNode a = new ObjectMapper().readTree(out.resolve("a.json").toFile());
        assertEquals("a.png", a.get("image").get("file_name").asText());
        assertEquals(160, a.get("image").get("width").asInt());
        assertTrue(a.get("annotations").isArray());
        assertTrue(Files.isRegularFile(out.resolve("b.json")));
        assertFalse(Files.exists(out.resolve("c.json")));
        try (var files = Files.list(out)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "temporary files removed");
        }
        assertEquals(2, new ObjectMapper().readTree(coco.toFile()).get("images").size());

        FileTime written = Files.getLastModifiedTime(out.resolve("a.json"));
        StringWriter again = new StringWriter();
        run(again, "auto", images.toString(), "--points-per-side", "2", "--out", out.toString());
        assertTrue(again.toString().contains("a.png: up to date, skipped"), again.toString());
        assertTrue(again.toString().contains("2 up to date"), again.toString());
        assertEquals(written, Files.getLastModifiedTime(out.resolve("a.json")));

        StringWriter changed = new StringWriter();
        run(changed, "auto", images.toString(), "--points-per-side", "2", "--pred-iou", "0.5", "--out", out.toString());
        assertTrue(changed.toString().contains("2 written"), "new settings redo every image: " + changed);
    }

    @Test
    void aFailedWriteStopsTheRunAndKeepsFinishedFiles() throws IOException {
        TestModels.defaultModel();
        Path images = Files.createDirectories(root.resolve("images"));
        writePng(BenchmarkImages.synthetic(SIZE), images.resolve("a.png"));
        writePng(BenchmarkImages.synthetic(SIZE), images.resolve("b.png"));
        Path out = root.resolve("out");
        Files.createDirectories(out.resolve("b.json")); // b's output cannot be written: as a full disk would
        StringWriter output = new StringWriter();
        StringWriter errors = new StringWriter();
        CommandLine commandLine = new CommandLine(new RootCommand());
        commandLine.setOut(new PrintWriter(output));
        commandLine.setErr(new PrintWriter(errors));
        int exit = commandLine.execute("auto", images.toString(), "--points-per-side", "1", "--out", out.toString());
        assertEquals(1, exit);
        assertTrue(errors.toString().contains("run stopped") && errors.toString().contains("b.json"), errors.toString());
        assertTrue(Files.isRegularFile(out.resolve("a.json")));
    }

    @Test
    void evalAutoWritesTheProposalRecallKeys() throws IOException {
        TestModels.defaultModel();
        for (String name : List.of("x", "y")) {
            writePng(BenchmarkImages.synthetic(SIZE), root.resolve("data/images/" + name + ".png"));
            writeMask(BenchmarkImages.syntheticObject(SIZE), root.resolve("data/masks/" + name + ".png"));
        }
        Path json = root.resolve("recall.json");
        StringWriter output = new StringWriter();
        int exit = run(output, "eval-auto", "--dataset", root.resolve("data").toString(), "--points-per-side", "2",
                "--adaptive", "--json", json.toString());
        assertEquals(0, exit, output.toString());
        JsonNode summary = new ObjectMapper().readTree(json.toFile());
        for (String key : List.of("images", "mean_best_iou", "recall", "masks_per_image", "seconds_per_image_median",
                "decoder_calls_median")) {
            assertTrue(summary.has(key), key);
        }
        assertEquals(2, summary.get("images").asInt());
        for (String t : List.of("0.5", "0.75", "0.9")) {
            assertTrue(summary.get("recall").has(t), t);
        }
    }

    @Test
    void boxesToMasksFromCocoAndYolo() throws IOException {
        TestModels.defaultModel();
        Path images = Files.createDirectories(root.resolve("images"));
        writePng(BenchmarkImages.synthetic(SIZE), images.resolve("s.png"));
        BitMask object = BenchmarkImages.syntheticObject(SIZE);
        var r = object.boundingBox().orElseThrow();
        Path in = root.resolve("det.json");
        Files.writeString(in, "{\"images\": [{\"id\": 7, \"file_name\": \"s.png\", \"width\": 160, \"height\": 120}],\n"
                + "\"annotations\": [{\"id\": 1, \"image_id\": 7, \"category_id\": 1, \"bbox\": [" + r.x() + ", " + r.y()
                + ", " + r.width() + ", " + r.height() + "]},\n"
                + "{\"id\": 2, \"image_id\": 7, \"category_id\": 1, \"bbox\": [0, 0, 5, 5], \"segmentation\": [[0, 0, 5, 0, 5, 5]]}],\n"
                + "\"categories\": [{\"id\": 1, \"name\": \"thing\"}]}");
        Path out = root.resolve("masks.json");
        StringWriter output = new StringWriter();
        assertEquals(0, run(output, "boxes-to-masks", "--coco", in.toString(), "--images", images.toString(), "--out",
                out.toString()), output.toString());
        JsonNode result = new ObjectMapper().readTree(out.toFile());
        JsonNode converted = result.get("annotations").get(0);
        assertEquals("[120,160]", converted.get("segmentation").get("size").toString());
        assertTrue(converted.get("area").asDouble() > 0.7 * object.area(), converted.toString());
        assertEquals(r.x(), converted.get("prompt_box").get(0).asInt());
        assertEquals("[[0,0,5,0,5,5]]", result.get("annotations").get(1).get("segmentation").toString(), "kept");
        assertEquals("thing", result.get("categories").get(0).get("name").asText());

        Path labels = Files.createDirectories(root.resolve("labels"));
        Path names = Files.writeString(root.resolve("names.txt"), "thing\n");
        Files.writeString(labels.resolve("s.txt"), String.format(java.util.Locale.ROOT, "0 %f %f %f %f%n",
                (r.x() + r.width() / 2.0) / 160, (r.y() + r.height() / 2.0) / 120, r.width() / 160.0, r.height() / 120.0));
        Path yoloOut = root.resolve("yolo.json");
        assertEquals(0, run(output, "boxes-to-masks", "--yolo", labels.toString(), "--classes", names.toString(),
                "--images", images.toString(), "--out", yoloOut.toString()), output.toString());
        JsonNode yolo = new ObjectMapper().readTree(yoloOut.toFile());
        assertTrue(yolo.get("annotations").get(0).get("segmentation").has("counts"));
    }

    @Test
    void malformedCocoNamesTheFileAndLine() throws IOException {
        Path in = root.resolve("det.json");
        Files.writeString(in, "{\"images\": [{\"id\": 1, \"file_name\": \"s.png\"}],\n\"annotations\": [\n"
                + "{\"id\": 1, \"image_id\": 1, \"bbox\": [1, 2, 0, 4]}]}");
        StringWriter errors = new StringWriter();
        CommandLine commandLine = new CommandLine(new RootCommand());
        commandLine.setOut(new PrintWriter(new StringWriter()));
        commandLine.setErr(new PrintWriter(errors));
        int exit = commandLine.execute("boxes-to-masks", "--coco", in.toString(), "--images", root.toString(), "--out",
                root.resolve("o.json").toString());
        assertEquals(1, exit);
        assertTrue(errors.toString().contains("det.json, line 3"), errors.toString());
        assertFalse(Files.exists(root.resolve("o.json")));
    }

    private static int run(StringWriter output, String... args) {
        CommandLine commandLine = new CommandLine(new RootCommand());
        commandLine.setOut(new PrintWriter(output));
        commandLine.setErr(new PrintWriter(output));
        return commandLine.execute(args);
    }

    private static void writePng(RgbImage image, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage b = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        b.setRGB(0, 0, image.width(), image.height(), image.argb(), 0, image.width());
        ImageIO.write(b, "png", file.toFile());
    }

    private static void writeMask(BitMask mask, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage g = new BufferedImage(mask.width(), mask.height(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < mask.height(); y++) {
            for (int x = 0; x < mask.width(); x++) {
                g.getRaster().setSample(x, y, 0, mask.get(x, y) ? 255 : 0);
            }
        }
        ImageIO.write(g, "png", file.toFile());
    }
}
