package org.samannotator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starting the app (no sub-command) in a child JVM with DISPLAY and WAYLAND_DISPLAY unset, as on a server or
 * over plain SSH: one readable message, exit code 3, no stack trace, no hang.
 */
class NoDisplayIT {
    @Test
    void startWithoutDisplayPrintsWhatIsMissing(@TempDir Path dir) throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "the check is Linux-only");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "org.samannotator.Main").redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        Process process = builder.start();
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        assertTrue(finished, "the app must not hang without a display; output: " + output);
        assertEquals(RootCommand.NO_DESKTOP, process.exitValue(), output);
        assertTrue(output.contains("no display found"), output);
        assertTrue(output.contains("sam-annotator --help"), output);
        assertFalse(output.contains("\tat ") || output.contains("Exception"), "no stack trace: " + output);
        assertEquals(1, List.of(output.strip().split("\\R")).size(), "one message line: " + output);
    }
}
