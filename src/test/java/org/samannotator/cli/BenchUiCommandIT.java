package org.samannotator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.model.TestModels;
import picocli.CommandLine;

/**
 * {@code bench-ui} end to end: the real app window (headless Monocle), the real default model, three timed
 * clicks on two small synthetic images. Checks the report's structure and that every click was recorded.
 */
class BenchUiCommandIT {
    @TempDir
    Path root;

    @Test
    void clicksOnEachSizeAndWritesTheReport() throws IOException {
        TestModels.defaultModel();
        Path json = root.resolve("out/bench-ui.json");
        StringWriter output = new StringWriter();
        int exit = run(output, "bench-ui", "--headless", "--calls", "3", "--warmup", "1", "--sizes", "320x240,400x300",
                "--json", json.toString());
        assertEquals(0, exit, output.toString());
        assertTrue(output.toString().contains("Click to overlay"), output.toString());

        JsonNode report = new ObjectMapper().readTree(json.toFile());
        for (String key : List.of("benchmark", "model", "toolkit", "available_processors", "settings", "sizes")) {
            assertTrue(report.has(key), key);
        }
        assertEquals(3, report.get("settings").get("calls").asInt());
        assertTrue(report.get("toolkit").get("headless").asBoolean());
        assertEquals(List.of("320x240", "400x300"), fieldNames(report.get("sizes")));
        JsonNode size = report.get("sizes").get("400x300");
        for (String key : List.of("width", "height", "display_scale", "click_to_overlay_ms", "click_to_pulse_ms",
                "decoder_ms", "app_share_ms", "probe_idle_ms", "target_median_ms", "meets_target", "samples")) {
            assertTrue(size.has(key), key);
        }
        for (String stat : List.of("count", "median", "p95", "p99")) {
            assertTrue(size.get("click_to_overlay_ms").has(stat), stat);
        }
        assertEquals(3, size.get("click_to_overlay_ms").get("count").asInt());
        assertEquals(3, size.get("samples").size());
        JsonNode sample = size.get("samples").get(0);
        assertTrue(sample.get("click_to_overlay_ms").asDouble() >= sample.get("click_to_pulse_ms").asDouble(),
                sample.toString());
        assertTrue(sample.get("click_to_pulse_ms").asDouble() > sample.get("decoder_ms").asDouble(), sample.toString());
        assertTrue(size.get("app_share_ms").get("median").asDouble() > 0, size.toString());
        assertTrue(size.get("target_median_ms").isNull(), "only 640x480 and 4000x3000 have targets");
    }

    @Test
    void rejectsAMalformedSize() {
        StringWriter output = new StringWriter();
        int exit = run(output, "bench-ui", "--headless", "--sizes", "640x");
        assertEquals(2, exit, output.toString());
        assertTrue(output.toString().contains("640x"), output.toString());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static int run(StringWriter output, String... args) {
        CommandLine commandLine = new CommandLine(new RootCommand());
        commandLine.setOut(new PrintWriter(output));
        commandLine.setErr(new PrintWriter(output));
        return commandLine.execute(args);
    }
}
