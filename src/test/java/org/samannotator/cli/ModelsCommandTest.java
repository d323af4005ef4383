package org.samannotator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.model.FakeModels;
import org.samannotator.core.model.LocalHttpServer;
import org.samannotator.core.model.ModelFileSpec;
import picocli.CommandLine;

class ModelsCommandTest {
    private static final byte[] ENCODER_BYTES = FakeModels.randomBytes(250_000, 21);
    private static final byte[] DECODER_BYTES = FakeModels.randomBytes(40_000, 22);
    private static final ModelFileSpec ENCODER = FakeModels.specOf("tiny-encoder.onnx", ENCODER_BYTES);
    private static final ModelFileSpec DECODER = FakeModels.specOf("tiny-decoder.onnx", DECODER_BYTES);

    @TempDir
    Path modelsDir;
    private LocalHttpServer server;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeManifest() throws IOException {
        server = new LocalHttpServer();
        String encoderUrl = server.serve("/tiny-e.onnx", ENCODER_BYTES);
        String decoderUrl = server.serve("/tiny-d.onnx", DECODER_BYTES);
        Files.writeString(modelsDir.resolve("manifest.json"),
                FakeModels.manifestJson("tiny", ENCODER, DECODER, encoderUrl, decoderUrl, true));
        ModelFileSpec otherEncoder = FakeModels.specOf("other-e.onnx", new byte[] {1});
        ModelFileSpec otherDecoder = FakeModels.specOf("other-d.onnx", new byte[] {2});
        Files.writeString(modelsDir.resolve("user-models.json"), FakeModels.manifestJson("other", otherEncoder,
                otherDecoder, server.url("/missing-e"), server.url("/missing-d"), false));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private int run(String... args) {
        return new CommandLine(new RootCommand()).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute(args);
    }

    @Test
    void listShowsModelsInstalledStateDefaultAndDirectory() throws IOException {
        Files.write(modelsDir.resolve(ENCODER.file()), ENCODER_BYTES);
        Files.write(modelsDir.resolve(DECODER.file()), DECODER_BYTES);

        assertEquals(0, run("models", "list", "--models-dir", modelsDir.toString()));

        String[] lines = out.toString().split("\\R");
        assertTrue(lines[0].matches("ID\\s+NAME\\s+LICENCE\\s+INSTALLED\\s+ENCODER\\s+DECODER"), lines[0]);
        assertTrue(lines[1].matches("tiny \\*\\s+Fake tiny\\s+MIT\\s+yes\\s+0\\.3 MB\\s+0\\.0 MB"), lines[1]);
        assertTrue(lines[2].matches("other\\s+Fake other\\s+MIT\\s+no\\s+0\\.0 MB\\s+0\\.0 MB"), lines[2]);
        assertTrue(out.toString().contains("Models directory: " + modelsDir.toAbsolutePath().normalize()
                + " (--models-dir option)"), out.toString());
    }

    @Test
    void fetchWithoutIdInstallsTheDefaultModelWithProgress() throws IOException {
        assertEquals(0, run("models", "fetch", "--models-dir", modelsDir.toString()), err.toString());

        assertTrue(out.toString().contains("100%  0.3 / 0.3 MB  downloading tiny-encoder.onnx"), out.toString());
        assertTrue(out.toString().contains("Installed tiny: "), out.toString());
        assertEquals(ENCODER.sha256(), org.samannotator.core.model.Sha256.hashFile(modelsDir.resolve(ENCODER.file())));
        assertEquals(0, run("models", "fetch", "tiny", "--models-dir", modelsDir.toString()));
        assertTrue(out.toString().contains("Model tiny is already installed"), out.toString());
    }

    @Test
    void failedFetchExitsNonZeroWithOneLine() {
        assertEquals(1, run("models", "fetch", "other", "--models-dir", modelsDir.toString()));
        String message = err.toString().strip();
        assertFalse(message.contains("\n"), message);
        assertTrue(message.startsWith("error: could not obtain model 'other'") && message.contains("HTTP 404"),
                message);
    }

    @Test
    void unknownModelExitsNonZero() {
        assertEquals(1, run("models", "fetch", "huge", "--models-dir", modelsDir.toString()));
        assertEquals("error: unknown model 'huge'; known models: tiny, other", err.toString().strip());
    }

    @Test
    void malformedManifestExitsNonZeroNamingTheFile() throws IOException {
        Files.writeString(modelsDir.resolve("user-models.json"), "{ not json");
        assertEquals(1, run("models", "list", "--models-dir", modelsDir.toString()));
        assertTrue(err.toString().startsWith("error: " + modelsDir.resolve("user-models.json")), err.toString());
    }

    @Test
    void everyLevelHasHelp() {
        assertEquals(0, run("models", "--help"));
        assertTrue(out.toString().contains("list") && out.toString().contains("fetch"), out.toString());
        assertEquals(0, run("models", "list", "--help"));
        assertEquals(0, run("models", "fetch", "--help"));
        assertTrue(out.toString().contains("--models-dir") && out.toString().contains("[ID]"), out.toString());
    }

    @Test
    void interactiveProgressRewritesOneLine() {
        StringWriter screen = new StringWriter();
        TerminalProgress progress = new TerminalProgress(new PrintWriter(screen, true), true);
        progress.onProgress(0, 2_000_000, "downloading a");
        progress.onProgress(2_000_000, 2_000_000, "downloading a");
        progress.finish();
        String text = screen.toString();
        assertTrue(text.startsWith("\r[------------------------------]   0%  0.0 / 2.0 MB  downloading a"), text);
        assertTrue(text.contains("\r[##############################] 100%  2.0 / 2.0 MB  downloading a"), text);
        assertEquals(1, text.chars().filter(c -> c == '\n').count(), "exactly one newline: " + text);
        assertTrue(text.endsWith(System.lineSeparator()), text);
    }
}
