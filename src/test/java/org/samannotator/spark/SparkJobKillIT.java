package org.samannotator.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.auto.Sa1bJson;
import org.samannotator.core.model.TestModels;

/**
 * A job killed midway (SIGKILL of its JVM) and started again produces each image's output exactly once: what the
 * killed run finished is complete and is not redone (same bytes, same time stamp, "skipped" in the new manifest),
 * the rest is done by the restart, every image has one valid output, and no temporary file is left.
 */
class SparkJobKillIT {
    private static final int IMAGES = 8;
    /** A small grid: the point here is the kill and the restart, not the masks. */
    private static final String GRID = "4";

    @TempDir
    Path root;

    @Test
    void killedAndRestartedJobWritesEveryOutputOnce() throws Exception {
        Path models = TestModels.defaultModel().encoderFile().getParent();
        Path images = root.resolve("images");
        SparkJobFixtures.generatedImages(images, IMAGES);
        Path out = root.resolve("out");
        List<String> jobArgs = List.of(images.toString(), "--master", "local[1]", "--partitions",
                Integer.toString(IMAGES), "--models-dir", models.toString(), "--points-per-side", GRID, "--out",
                out.toString());

        Map<Path, byte[]> beforeKill = runAndKillAfterOutputs(jobArgs, 2);
        assertTrue(beforeKill.size() >= 2 && beforeKill.size() < IMAGES, "killed midway: " + beforeKill.keySet());
        Map<Path, FileTime> times = new HashMap<>();
        for (Path file : beforeKill.keySet()) {
            Sa1bJson.read(file); // complete, never partial
            times.put(file, Files.getLastModifiedTime(file));
        }

        String printed = SparkJobFixtures.runJob(jobArgs.toArray(String[]::new));
        int skipped = beforeKill.size();
        assertTrue(printed.contains((IMAGES - skipped) + " written, " + skipped + " up to date (skipped), 0 failed"),
                printed);
        List<Path> outputs = SparkAutoJobIT.jsonFiles(out);
        assertEquals(IMAGES, outputs.size(), "one output per image");
        for (Path file : outputs) {
            assertEquals(file.getFileName().toString().replace(".json", ".png"),
                    Sa1bJson.read(file).get("image").get("file_name").asText());
        }
        for (Map.Entry<Path, byte[]> done : beforeKill.entrySet()) {
            assertArrayEquals(done.getValue(), Files.readAllBytes(done.getKey()), "not rewritten: " + done.getKey());
            assertEquals(times.get(done.getKey()), Files.getLastModifiedTime(done.getKey()));
        }
        Map<String, JsonNode> rows = SparkAutoJobIT.byImageName(SparkJobFixtures.latestManifest(out));
        assertEquals(IMAGES, rows.size());
        for (Map.Entry<String, JsonNode> row : rows.entrySet()) {
            boolean finishedBefore = beforeKill.containsKey(out.resolve(row.getKey().replace(".png", ".json")));
            assertEquals(finishedBefore ? "skipped" : "done", row.getValue().get("status").asText(), row.getKey());
        }
        try (Stream<Path> files = Files.list(out)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    /** Runs the job in a child JVM, SIGKILLs it once {@code outputs} images are written; returns those files. */
    private Map<Path, byte[]> runAndKillAfterOutputs(List<String> jobArgs, int outputs) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(SparkJobFixtures.sparkJvmOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SparkAutoJob.class.getName()));
        command.addAll(jobArgs);
        command.addAll(SparkJobFixtures.TEST_CONF);
        Path log = root.resolve("child.log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Path out = Path.of(jobArgs.get(jobArgs.indexOf("--out") + 1));
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (countOutputs(out) < outputs) {
                assertTrue(child.isAlive(), "the job ended before it was killed: " + Files.readString(log));
                assertTrue(System.nanoTime() < deadline, "no progress: " + Files.readString(log));
                Thread.sleep(50);
            }
            new ProcessBuilder("kill", "-KILL", Long.toString(child.pid())).redirectError(new File("/dev/null"))
                    .start().waitFor();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        Map<Path, byte[]> written = new HashMap<>();
        for (Path file : SparkAutoJobIT.jsonFiles(out)) {
            written.put(file, Files.readAllBytes(file));
        }
        return written;
    }

    private static long countOutputs(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return 0;
        }
        return SparkAutoJobIT.jsonFiles(out).size();
    }
}
