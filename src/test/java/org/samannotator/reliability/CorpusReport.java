package org.samannotator.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.samannotator.core.io.AtomicFiles;

/** Collects each case's outcome and writes the Markdown table target/reliability/malformed-inputs.md. */
final class CorpusReport {
    static final Path OUTPUT = Path.of("target", "reliability", "malformed-inputs.md");
    private static final int MESSAGE_CHARS = 230;

    private record Row(CorpusCase testCase, String result, String message) {
    }

    private final List<Row> rows = new ArrayList<>();

    synchronized void add(CorpusCase testCase, CorpusCase.Outcome outcome) {
        rows.add(new Row(testCase, outcome.result(), outcome.message()));
    }

    synchronized void addFailure(CorpusCase testCase, Throwable failure) {
        rows.add(new Row(testCase, "**FAILED**", String.valueOf(failure.getMessage())));
    }

    synchronized void write(List<String[]> pendingRows) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("| # | Input | Case | Entry point | Outcome | Message (temporary folder shown as `<tmp>`) |\n");
        md.append("| ---: | --- | --- | --- | --- | --- |\n");
        int index = 1;
        for (Row row : rows) {
            md.append("| ").append(index++).append(" | ").append(row.testCase().family()).append(" | ")
                    .append(cell(row.testCase().name())).append(" | ").append(row.testCase().entryPoint())
                    .append(" | ").append(row.result()).append(" | ").append(cell(shorten(row.message())))
                    .append(" |\n");
        }
        for (String[] pending : pendingRows) {
            md.append("| ").append(index++).append(" | ").append(String.join(" | ", pending)).append(" |\n");
        }
        md.append("\n").append(summary()).append("\n");
        AtomicFiles.writeBytes(OUTPUT, md.toString().getBytes(StandardCharsets.UTF_8));
    }

    private String summary() {
        Map<String, Integer> byResult = new LinkedHashMap<>();
        rows.forEach(r -> byResult.merge(r.result(), 1, Integer::sum));
        StringBuilder text = new StringBuilder(rows.size() + " generated cases run:");
        byResult.forEach((result, count) -> text.append(" ").append(result).append(" ").append(count).append(";"));
        return text.substring(0, text.length() - 1) + ".";
    }

    private static String shorten(String message) {
        String oneLine = message.replaceAll("/tmp/junit-?[0-9]*/(case-[0-9]+/)?", "<tmp>/")
                .replaceAll("\\R", " ");
        return oneLine.length() <= MESSAGE_CHARS ? oneLine : oneLine.substring(0, MESSAGE_CHARS - 3) + "...";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
