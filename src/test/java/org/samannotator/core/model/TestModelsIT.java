package org.samannotator.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("network")
class TestModelsIT {
    @Test
    void defaultModelIsInstalledVerifiedAndReused() throws IOException {
        InstalledModel model = TestModels.defaultModel();
        ModelManifest manifest = ModelManifest.load(ModelDirectory.locate().path());
        assertEquals(manifest.defaultModelId(), model.id());
        assertEquals(ModelDirectory.locate().path().resolve(model.entry().encoder().file()), model.encoderFile());
        assertEquals(model.entry().encoder().size(), Files.size(model.encoderFile()));
        assertEquals(model.entry().decoder().size(), Files.size(model.decoderFile()));
        assertEquals(model.entry().decoder().sha256(), Sha256.hashFile(model.decoderFile()));
        assertSame(model, TestModels.defaultModel());
    }
}
