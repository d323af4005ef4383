package org.samannotator.core.model;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model files in one models directory: which models are installed (both files present with the manifest's
 * size and SHA-256; hashes are remembered in {@code <file>.sha256} sidecars keyed by size and modification
 * time, so unchanged files are not rehashed) and fetching the missing ones. Fetches are serialized within the
 * JVM and, through a lock file {@value #LOCK_FILE}, between processes sharing the directory.
 */
public final class ModelStore {
    /** Lock file in the models directory held while fetching. */
    public static final String LOCK_FILE = ".fetch.lock";
    private static final Logger LOG = LoggerFactory.getLogger(ModelStore.class);
    private static final Object JVM_FETCH_LOCK = new Object();

    private final Path modelsDir;
    private final ModelFetcher fetcher;

    public ModelStore(Path modelsDir, ModelFetcher fetcher) {
        this.modelsDir = modelsDir.toAbsolutePath().normalize();
        this.fetcher = fetcher;
    }

    /** A store over {@code modelsDir} fetching with {@link ModelFetcher#defaults()}. */
    public ModelStore(Path modelsDir) {
        this(modelsDir, ModelFetcher.defaults());
    }

    public Path modelsDir() {
        return modelsDir;
    }

    /** The installed model when both of its files are present and verified, else empty. */
    public Optional<InstalledModel> installed(ModelEntry entry) {
        if (!filesToFetch(entry).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new InstalledModel(entry, pathOf(entry.encoder()), pathOf(entry.decoder())));
    }

    /** True when this one file is present with the expected size and SHA-256. */
    public boolean isValid(ModelFileSpec spec) {
        Path file = pathOf(spec);
        try {
            if (!Files.isRegularFile(file) || Files.size(file) != spec.size()) {
                return false;
            }
            String hash = HashSidecar.currentHash(file);
            if (!hash.equalsIgnoreCase(spec.sha256())) {
                LOG.warn(file + " has SHA-256 " + hash + " but the manifest expects "
                        + spec.sha256().toLowerCase(Locale.ROOT) + "; it will be fetched again");
                return false;
            }
            return true;
        } catch (IOException e) {
            LOG.warn("cannot check " + file + ": " + e.getMessage());
            return false;
        }
    }

    /**
     * The installed model, fetching whatever is missing or invalid first.
     *
     * @throws ModelFetchException when no source could provide the files (message lists each source's failure)
     * @throws IOException when the models directory cannot be created or locked
     */
    public InstalledModel ensureInstalled(ModelEntry entry, FetchProgressListener listener) throws IOException {
        Optional<InstalledModel> ready = installed(entry);
        if (ready.isPresent()) {
            return ready.get();
        }
        synchronized (JVM_FETCH_LOCK) {
            Files.createDirectories(modelsDir);
            try (FileChannel channel = FileChannel.open(modelsDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                fetcher.fetch(entry, filesToFetch(entry), modelsDir, listener);
            }
        }
        return installed(entry).orElseThrow(() -> new IOException("model '" + entry.id()
                + "' was fetched but its files in " + modelsDir + " do not verify"));
    }

    /** Where a file of the manifest lives (whether or not it exists). */
    public Path pathOf(ModelFileSpec spec) {
        return modelsDir.resolve(spec.file());
    }

    private List<ModelFileSpec> filesToFetch(ModelEntry entry) {
        List<ModelFileSpec> missing = new ArrayList<>();
        for (ModelFileSpec spec : List.of(entry.encoder(), entry.decoder())) {
            if (!isValid(spec)) {
                missing.add(spec);
            }
        }
        return missing;
    }
}
