package org.samannotator.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import picocli.CommandLine;

/** Images, runs and manifest reading shared by the Spark job's tests. */
final class SparkJobFixtures {
    /** Spark settings of every test run: no UI, the driver on the loopback address. */
    static final List<String> TEST_CONF = List.of("--conf", "spark.ui.enabled=false",
            "--conf", "spark.driver.bindAddress=127.0.0.1", "--conf", "spark.driver.host=127.0.0.1");

    private SparkJobFixtures() {
    }

    /** {@code count} distinct PNGs (seeded shapes on a gradient, sizes 160x120 to 248x186) named gen-NN.png. */
    static List<Path> generatedImages(Path dir, int count) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Random random = new Random(1000 + i);
            int width = 160 + 8 * i;
            int height = width * 3 / 4;
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(0xffffff)), width, height,
                    new Color(random.nextInt(0xffffff))));
            g.fillRect(0, 0, width, height);
            for (int s = 0; s < 2 + random.nextInt(3); s++) {
                g.setColor(new Color(random.nextInt(0xffffff)));
                int w = width / 5 + random.nextInt(width / 3);
                int h = height / 5 + random.nextInt(height / 3);
                int x = random.nextInt(width - w);
                int y = random.nextInt(height - h);
                if (random.nextBoolean()) {
                    g.fillOval(x, y, w, h);
                } else {
                    g.fillRect(x, y, w, h);
                }
            }
            g.dispose();
            Path file = dir.resolve(String.format("gen-%02d.png", i));
            ImageIO.write(image, "png", file.toFile());
            files.add(file);
        }
        return files;
    }

    /** Runs the job in this JVM; returns what it printed. */
    static String runJob(String... args) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(new SparkAutoJob());
        commandLine.setOut(new PrintWriter(out));
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(TEST_CONF);
        int exit = commandLine.execute(all.toArray(String[]::new));
        assertEquals(0, exit, out + "\n" + err);
        return out.toString();
    }

    /** The rows of the newest run's manifest (JSON lines of every part file). */
    static List<JsonNode> latestManifest(Path outDir) throws IOException {
        Path runs = outDir.resolve(SparkAutoJob.MANIFEST_DIR);
        Path latest;
        try (Stream<Path> dirs = Files.list(runs)) {
            latest = dirs.filter(Files::isDirectory).max(Path::compareTo).orElseThrow();
        }
        List<JsonNode> rows = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> parts = Files.list(latest)) {
            for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                for (String line : Files.readAllLines(part)) {
                    if (!line.isBlank()) {
                        rows.add(json.readTree(line));
                    }
                }
            }
        }
        return rows;
    }

    /** The JVM options Spark needs on Java 17 (the --add-opens this JVM was started with), for child JVMs. */
    static List<String> sparkJvmOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect") || a.startsWith("-Dio.netty"))
                .toList();
    }
}
