package org.samannotator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;
import picocli.CommandLine;

class SelftestCommandIT {

    @Test
    void sceneObjectIsTheDrawnEllipseAndTheClickIsInsideIt() {
        SelftestScene scene = SelftestScene.generate(new Size(200, 100));
        BitMask object = scene.object();
        double expectedArea = Math.PI * (200 * 0.20) * (100 * 0.18);
        assertEquals(expectedArea, object.area(), expectedArea * 0.03);
        assertTrue(object.get((int) scene.click().x(), (int) scene.click().y()), "click must hit the object");
        assertEquals(0xFF, scene.image().argbAt(0, 0) >>> 24, "pixels are opaque");
        int inside = scene.image().argbAt((int) scene.click().x(), (int) scene.click().y());
        assertTrue(((inside >> 16) & 0xFF) > 180, "object centre is orange: " + Integer.toHexString(inside));
    }

    @Test
    void sceneIsTheSameOnEveryRun() {
        SelftestScene first = SelftestScene.generate();
        SelftestScene second = SelftestScene.generate();
        assertTrue(java.util.Arrays.equals(first.image().argb(), second.image().argb()));
        assertEquals(first.object(), second.object());
    }

    @Test
    void offlineWithoutInstalledModelFailsWithAClearMessage(@TempDir Path emptyModelsDir) throws IOException {
        Files.copy(Path.of("models", "manifest.json"), emptyModelsDir.resolve("manifest.json"));
        Run run = execute("selftest", "--offline", "--models-dir", emptyModelsDir.toString());
        assertEquals(1, run.exitCode);
        assertTrue(run.err.contains("selftest FAILED") && run.err.contains("is not installed in")
                && run.err.contains("--offline"), run.err);
    }

    @Test
    void realModelSegmentsTheGeneratedObject() {
        Run run = execute("selftest");
        assertEquals(0, run.exitCode, run.out + run.err);
        assertTrue(run.out.contains("selftest PASSED"), run.out);
        assertTrue(run.out.contains("model load:") && run.out.contains("encode:") && run.out.contains("decode:"),
                run.out);
    }

    private static Run execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new RootCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private record Run(int exitCode, String out, String err) {
    }
}
