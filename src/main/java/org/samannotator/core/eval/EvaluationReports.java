package org.samannotator.core.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.samannotator.core.io.AtomicFiles;

/** Writes evaluation results: the summary as JSON and one CSV row per image, both atomically. */
public final class EvaluationReports {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EvaluationReports() {
    }

    /** Writes any JSON-ready map (nested maps, lists, numbers, strings, booleans, null) to {@code file}. */
    public static void writeJson(Path file, Map<String, Object> json) throws IOException {
        AtomicFiles.writeBytes(file, JSON.writeValueAsBytes(json));
    }

    /** Serializes a JSON-ready map to indented text. */
    public static String toJsonText(Map<String, Object> json) throws IOException {
        return JSON.writeValueAsString(json);
    }

    /** CSV text: header {@code name,width,height,iou@1..iou@max,noc85,noc90}, then one row per image. */
    public static String toCsv(List<ImageResult> results, int maxClicks) {
        StringBuilder csv = new StringBuilder("name,width,height");
        for (int k = 1; k <= maxClicks; k++) {
            csv.append(",iou@").append(k);
        }
        csv.append(",noc85,noc90\n");
        for (ImageResult result : results) {
            csv.append(quoted(result.name())).append(',').append(result.size().width()).append(',')
                    .append(result.size().height());
            for (int k = 1; k <= maxClicks; k++) {
                csv.append(',').append(String.format(Locale.ROOT, "%.6f", result.curve().iouAfterClick(k)));
            }
            csv.append(',').append(result.curve().numberOfClicks(0.85))
                    .append(',').append(result.curve().numberOfClicks(0.90)).append('\n');
        }
        return csv.toString();
    }

    public static void writeCsv(Path file, List<ImageResult> results, int maxClicks) throws IOException {
        AtomicFiles.writeBytes(file, toCsv(results, maxClicks).getBytes(StandardCharsets.UTF_8));
    }

    private static String quoted(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }
}
