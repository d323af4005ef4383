package org.samannotator.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * CLI outputs on a file system that refuses writes: a read-only folder and a full disk (a 64 KB tmpfs; needs
 * root to mount, skipped otherwise; the read-only case falls back to a chmod 555 folder when not root). Each
 * time: exit 1, one message naming the file and saying what to do, the previous output file unchanged, no
 * temporary file left behind. Runs {@code segment} with the real model.
 */
class OutputFaultsIT {
    @TempDir
    Path dir;
    private Path mount;
    private Path image;

    @BeforeEach
    void writeImage() throws IOException {
        BufferedImage picture = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        picture.getGraphics().fillOval(16, 12, 32, 24);
        image = dir.resolve("disc.png");
        ImageIO.write(picture, "png", image.toFile());
        mount = Files.createDirectory(dir.resolve("out"));
    }

    @AfterEach
    void unmount() throws Exception {
        if (isRoot()) {
            run("umount", mount.toString());
        }
        mount.toFile().setWritable(true);
    }

    @Test
    void readOnlyFolder() throws Exception {
        byte[] previous = {1, 2, 3};
        if (isRoot()) {
            assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount.toString()) == 0, "cannot mount");
            Files.write(mount.resolve("mask.png"), previous);
            assertEquals(0, run("mount", "-o", "remount,ro", mount.toString()));
        } else {
            Files.write(mount.resolve("mask.png"), previous);
            assertTrue(mount.toFile().setWritable(false));
        }
        String message = segmentFails(mount.resolve("mask.png"));
        assertTrue(message.contains("read-only"), message);
        assertArrayEquals(previous, Files.readAllBytes(mount.resolve("mask.png")));
        assertNoTemporaryFiles();
    }

    @Test
    void fullDisk() throws Exception {
        assumeTrue(isRoot(), "mounting a small tmpfs needs root");
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mount.toString()) == 0, "cannot mount");
        byte[] previous = {1, 2, 3};
        Files.write(mount.resolve("mask.png"), previous);
        fill(mount.resolve("filler"));
        String message = segmentFails(mount.resolve("mask.png"));
        assertTrue(message.contains("the disk is full"), message);
        assertArrayEquals(previous, Files.readAllBytes(mount.resolve("mask.png")));
        assertNoTemporaryFiles();
    }

    private String segmentFails(Path maskOut) {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new RootCommand()).setOut(new PrintWriter(new StringWriter()))
                .setErr(new PrintWriter(err)).execute("segment", image.toString(), "--point", "32,24",
                        "--out", maskOut.toString());
        String message = err.toString().strip();
        assertEquals(1, exit, message);
        assertTrue(message.startsWith("error: Cannot write " + maskOut), message);
        assertTrue(message.contains("nothing was changed in mask.png"), message);
        assertEquals(1, message.lines().count(), message);
        return message;
    }

    private void assertNoTemporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(mount)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
            assertEquals(List.of(), names);
        }
    }

    private static void fill(Path filler) {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            // the file system is full now
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }
}
