package org.samannotator.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.onnx.QuantizationScheme;
import org.samannotator.core.onnx.TinyOnnxModels;
import org.samannotator.core.onnx.WeightQuantizer;

/** Derived (int8) models: manifest rules, computing the files from the parent, hash checks. */
class DerivedModelTest {
    private static final String SCHEME = QuantizationScheme.INT8_PER_COLUMN.id();
    private static final byte[] ENCODER_BYTES = TinyOnnxModels.matMulGemmModel(1);
    private static final byte[] DECODER_BYTES = TinyOnnxModels.matMulGemmModel(2);
    private static final ModelFileSpec ENCODER = FakeModels.specOf("tiny-encoder.onnx", ENCODER_BYTES);
    private static final ModelFileSpec DECODER = FakeModels.specOf("tiny-decoder.onnx", DECODER_BYTES);

    @TempDir
    Path modelsDir;
    private byte[] int8Decoder;
    private ModelEntry parent;

    @BeforeEach
    void installParent() throws IOException {
        Files.write(modelsDir.resolve(ENCODER.file()), ENCODER_BYTES);
        Files.write(modelsDir.resolve(DECODER.file()), DECODER_BYTES);
        int8Decoder = WeightQuantizer.quantize(DECODER_BYTES, QuantizationScheme.INT8_PER_COLUMN).modelBytes();
        parent = FakeModels.entry("tiny", ENCODER, DECODER);
    }

    private ModelEntry derived(ModelFileSpec decoder) {
        return new ModelEntry("tiny-int8", "Tiny int8", "MIT", ENCODER, decoder, FakeModels.samConventions(),
                List.of(), "tiny", new Quantization(SCHEME, List.of(Quantization.DECODER)));
    }

    @Test
    void computesTheQuantizedFileFromTheParentAndVerifiesIt() throws IOException {
        ModelEntry entry = derived(FakeModels.specOf("tiny-decoder-int8.onnx", int8Decoder));
        ModelStore store = new ModelStore(modelsDir);
        assertTrue(store.installed(entry).isEmpty());

        InstalledModel installed = store.ensureDerived(entry, parent, FetchProgressListener.NONE);

        assertEquals(modelsDir.resolve(ENCODER.file()).toAbsolutePath(), installed.encoderFile());
        assertArrayEquals(int8Decoder, Files.readAllBytes(installed.decoderFile()));
        assertTrue(Files.isRegularFile(HashSidecar.sidecarOf(installed.decoderFile())));
        assertTrue(store.installed(entry).isPresent());
    }

    @Test
    void aResultDifferentFromTheManifestIsReportedAndNotInstalled() {
        ModelFileSpec wrong = new ModelFileSpec("tiny-decoder-int8.onnx", "0".repeat(64), int8Decoder.length);
        ModelStore store = new ModelStore(modelsDir);
        IOException e = assertThrows(IOException.class,
                () -> store.ensureDerived(derived(wrong), parent, FetchProgressListener.NONE));
        assertTrue(e.getMessage().contains("tiny-decoder-int8.onnx computed from tiny-decoder.onnx"), e.getMessage());
        assertTrue(e.getMessage().contains(Sha256.hashBytes(int8Decoder)), e.getMessage());
        assertFalse(Files.exists(modelsDir.resolve("tiny-decoder-int8.onnx")));
    }

    @Test
    void ensureInstalledFindsTheParentInTheManifest() throws IOException {
        ModelFileSpec int8 = FakeModels.specOf("tiny-decoder-int8.onnx", int8Decoder);
        Files.writeString(modelsDir.resolve(ModelManifest.MANIFEST_FILE), manifestJson(int8, DECODER.file(), SCHEME));
        ModelManifest manifest = ModelManifest.load(modelsDir);
        ModelEntry entry = manifest.require("tiny-int8");
        assertEquals("tiny", entry.derivedFrom());

        InstalledModel installed = new ModelStore(modelsDir).ensureInstalled(entry, FetchProgressListener.NONE);

        assertArrayEquals(int8Decoder, Files.readAllBytes(installed.decoderFile()));
    }

    @Test
    void manifestRejectsInconsistentDerivedModels() throws IOException {
        ModelFileSpec int8 = FakeModels.specOf("tiny-decoder-int8.onnx", int8Decoder);
        assertProblem(manifestJson(int8, DECODER.file(), "int4"), "unknown quantization 'int4'");
        assertProblem(manifestJson(int8, DECODER.file(), SCHEME).replace("\"derivedFrom\": \"tiny\"",
                "\"derivedFrom\": \"nope\""), "derivedFrom 'nope' is not one of the models");
        assertProblem(manifestJson(DECODER, DECODER.file(), SCHEME), "needs its own file name");
        assertProblem(manifestJson(int8, DECODER.file(), SCHEME).replace("[\"decoder\"]", "[\"encoder\"]"),
                "encoder is quantized, so it needs its own file name");
        assertProblem(manifestJson(int8, "other-decoder.onnx", SCHEME).replace("[\"decoder\"]", "[]"),
                "quantization.parts must list");
        assertProblem(manifestJson(DECODER, "other-decoder.onnx", SCHEME).replace("\"parts\": [\"decoder\"]",
                "\"parts\": [\"encoder\"]").replace("\"encoder\": {\"file\": \"tiny-encoder.onnx\", \"sha256\": \""
                + ENCODER.sha256() + "\", \"size\": " + ENCODER.size() + "}, \"decoder\": {\"file\": \"tiny-decoder.onnx\"",
                "\"encoder\": {\"file\": \"tiny-encoder-int8.onnx\", \"sha256\": \"" + ENCODER.sha256() + "\", \"size\": "
                + ENCODER.size() + "}, \"decoder\": {\"file\": \"tiny-decoder.onnx\""),
                "decoder is not quantized, so it must be the parent's file other-decoder.onnx");
    }

    private void assertProblem(String json, String expected) throws IOException {
        Files.writeString(modelsDir.resolve(ModelManifest.MANIFEST_FILE), json);
        ModelManifestException e = assertThrows(ModelManifestException.class, () -> ModelManifest.load(modelsDir));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    /** The parent "tiny" and "tiny-int8" whose decoder is {@code int8}, quantized with {@code scheme}. */
    private static String manifestJson(ModelFileSpec int8, String parentDecoder, String scheme) {
        String input = "\"input\": {\"inputName\": \"input\", \"outputName\": null, \"size\": 1024,"
                + " \"mean\": [123.675, 116.28, 103.53], \"std\": [58.395, 57.12, 57.375], \"layout\": \"NCHW\","
                + " \"channelOrder\": \"RGB\", \"padding\": \"bottom-right-zero\"}";
        return "{\"formatVersion\": 1, \"defaultModel\": \"tiny\", \"models\": [\n"
                + "{\"id\": \"tiny\", \"displayName\": \"Tiny\", \"license\": \"MIT\", \"encoder\": " + json(ENCODER)
                + ", \"decoder\": " + json(new ModelFileSpec(parentDecoder, DECODER.sha256(), DECODER.size())) + ", "
                + input + ", \"sources\": []},\n"
                + "{\"id\": \"tiny-int8\", \"displayName\": \"Tiny int8\", \"license\": \"MIT\", \"derivedFrom\": \"tiny\","
                + " \"quantization\": {\"scheme\": \"" + scheme + "\", \"parts\": [\"decoder\"]},"
                + " \"encoder\": " + json(ENCODER) + ", \"decoder\": " + json(int8) + ", " + input
                + ", \"sources\": []}]}";
    }

    private static String json(ModelFileSpec spec) {
        return "{\"file\": \"" + spec.file() + "\", \"sha256\": \"" + spec.sha256() + "\", \"size\": " + spec.size() + "}";
    }
}
