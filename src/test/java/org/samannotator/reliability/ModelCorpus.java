package org.samannotator.reliability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.samannotator.core.model.FakeModels;
import org.samannotator.core.model.InstalledModel;
import org.samannotator.core.model.ModelEntry;
import org.samannotator.core.model.ModelFileSpec;
import org.samannotator.core.model.ModelManifest;
import org.samannotator.core.model.ModelManifestException;
import org.samannotator.core.model.ModelStore;
import org.samannotator.core.sam.SamModelException;
import org.samannotator.core.sam.SamPredictor;

/** Garbled manifests, truncated or swapped model files, unloadable ONNX files. */
final class ModelCorpus {
    private static final byte[] ENCODER = FakeModels.randomBytes(4096, 1);
    private static final byte[] DECODER = FakeModels.randomBytes(2048, 2);
    private static final ModelFileSpec ENCODER_SPEC = FakeModels.specOf("enc.onnx", ENCODER);
    private static final ModelFileSpec DECODER_SPEC = FakeModels.specOf("dec.onnx", DECODER);
    private static final ModelEntry ENTRY = FakeModels.entry("fake", ENCODER_SPEC, DECODER_SPEC,
            FakeModels.https("https://example.invalid/enc.onnx", "https://example.invalid/dec.onnx"));
    static final String MANIFEST = FakeModels.manifestJson("fake", ENCODER_SPEC, DECODER_SPEC,
            "https://example.invalid/enc.onnx", "https://example.invalid/dec.onnx", true);

    private ModelCorpus() {
    }

    static List<CorpusCase> cases() {
        List<CorpusCase> cases = new ArrayList<>();
        cases.add(manifest("valid manifest (baseline)", MANIFEST));
        cases.add(manifest("truncated to 50 %", MANIFEST.substring(0, MANIFEST.length() / 2)));
        cases.add(manifest("zero bytes", ""));
        cases.add(manifest("JSON null", "null"));
        cases.add(manifest("JSON array", "[]"));
        cases.add(manifest("\"models\" is an object", "{\"formatVersion\": 1, \"models\": {}}"));
        cases.add(manifest("formatVersion 2", MANIFEST.replace("\"formatVersion\": 1", "\"formatVersion\": 2")));
        cases.add(manifest("sha256 missing", MANIFEST.replaceFirst("\"sha256\": \"[0-9a-f]+\", ", "")));
        cases.add(manifest("sha256 not hexadecimal", MANIFEST.replaceFirst("\"sha256\": \"[0-9a-f]+\"",
                "\"sha256\": \"not-a-hash\"")));
        cases.add(manifest("negative file size", MANIFEST.replaceFirst("\"size\": 4096", "\"size\": -4096")));
        cases.add(manifest("file name escaping the folder", MANIFEST.replace("\"enc.onnx\"", "\"../../etc/passwd\"")));
        cases.add(manifest("default model not defined", MANIFEST.replace("\"defaultModel\": \"fake\"",
                "\"defaultModel\": \"other\"")));
        cases.add(manifest("nested 100000 levels deep", "{\"models\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}"));
        cases.add(manifest("input size -1024", MANIFEST.replace("\"size\": 1024", "\"size\": -1024")));
        cases.add(new CorpusCase("Model manifest", "garbled user manifest beside a valid one", "ModelManifest.load",
                dir -> loadManifest(dir, MANIFEST, dir.resolve("my-models.json"), "{\"models\": [ {\"id\": ")));
        cases.add(installed("encoder truncated to half", files -> files.truncateEncoder(ENCODER.length / 2)));
        cases.add(installed("decoder truncated to 1 byte", files -> files.truncateDecoder(1)));
        cases.add(installed("encoder and decoder swapped", ModelFiles::swap));
        cases.add(installed("encoder zero bytes", files -> files.truncateEncoder(0)));
        cases.add(installed("one byte of the encoder changed (same size)", ModelFiles::flipEncoderByte));
        cases.add(installed("a byte appended to the decoder", ModelFiles::appendToDecoder));
        cases.add(installed("encoder replaced by a folder", ModelFiles::encoderAsFolder));
        cases.add(onnx("encoder file is random bytes (hash accepted)", ENCODER));
        cases.add(onnx("encoder file deleted after verification", null));
        return cases;
    }

    private static CorpusCase manifest(String name, String json) {
        return new CorpusCase("Model manifest", name, "ModelManifest.load", dir -> {
            Path file = dir.resolve(ModelManifest.MANIFEST_FILE);
            return loadManifest(dir, json, file, null);
        });
    }

    private static CorpusCase.Outcome loadManifest(Path dir, String json, Path named, String userJson) throws Exception {
        Files.writeString(dir.resolve(ModelManifest.MANIFEST_FILE), json);
        if (userJson != null) {
            Files.writeString(named, userJson);
        }
        try {
            ModelManifest manifest = ModelManifest.load(dir);
            return CorpusCase.Outcome.of("loaded", manifest.models().size() + " model(s), default "
                    + manifest.defaultModelId());
        } catch (ModelManifestException e) {
            return CorpusCase.Outcome.of("refused", ClearMessages.assertClear(e.getMessage(), named));
        }
    }

    /** The installed files, damaged by the case before verification. */
    record ModelFiles(Path encoder, Path decoder) {
        void truncateEncoder(int length) throws Exception {
            Files.write(encoder, java.util.Arrays.copyOf(ENCODER, length));
        }

        void truncateDecoder(int length) throws Exception {
            Files.write(decoder, java.util.Arrays.copyOf(DECODER, length));
        }

        void swap() throws Exception {
            Files.write(encoder, DECODER);
            Files.write(decoder, ENCODER);
        }

        void flipEncoderByte() throws Exception {
            byte[] bytes = ENCODER.clone();
            bytes[100] ^= 1;
            Files.write(encoder, bytes);
        }

        void appendToDecoder() throws Exception {
            Files.write(decoder, java.util.Arrays.copyOf(DECODER, DECODER.length + 1));
        }

        void encoderAsFolder() throws Exception {
            Files.delete(encoder);
            Files.createDirectory(encoder);
        }
    }

    @FunctionalInterface
    interface Damage {
        void apply(ModelFiles files) throws Exception;
    }

    private static CorpusCase installed(String name, Damage damage) {
        return new CorpusCase("Model files", name, "ModelStore.installed", dir -> {
            ModelStore store = new ModelStore(dir);
            ModelFiles files = new ModelFiles(store.pathOf(ENCODER_SPEC), store.pathOf(DECODER_SPEC));
            Files.write(files.encoder(), ENCODER);
            Files.write(files.decoder(), DECODER);
            assertTrue(store.installed(ENTRY).isPresent(), "intact files verify");
            damage.apply(files);
            assertFalse(store.installed(ENTRY).isPresent(), "damaged files must not be used");
            return CorpusCase.Outcome.of("rejected by size/SHA-256 check; never loaded, fetched again",
                    (store.isValid(ENCODER_SPEC) ? "" : "encoder fails its check; ")
                            + (store.isValid(DECODER_SPEC) ? "" : "decoder fails its check"));
        });
    }

    /** Loads an encoder that is absent or not ONNX (the encoder is opened first, so it is the one named). */
    private static CorpusCase onnx(String name, byte[] encoderBytes) {
        return new CorpusCase("Model files", name, "SamPredictor.load", dir -> {
            Path encoder = dir.resolve("enc.onnx");
            Path decoder = dir.resolve("dec.onnx");
            if (encoderBytes != null) {
                Files.write(encoder, encoderBytes);
            }
            Path broken = encoder;
            try (SamPredictor predictor = SamPredictor.load(new InstalledModel(ENTRY, encoder, decoder))) {
                throw new AssertionError("loaded a broken model: " + predictor.modelId());
            } catch (SamModelException e) {
                return CorpusCase.Outcome.of("refused", ClearMessages.assertClear(e.getMessage(), broken));
            }
        });
    }


}
