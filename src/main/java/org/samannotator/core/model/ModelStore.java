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
import org.samannotator.core.onnx.QuantizationScheme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model files in one models directory: which models are installed (both files present with the manifest's
 * size and SHA-256; hashes are remembered in {@code <file>.sha256} sidecars keyed by size and modification
 * time, so unchanged files are not rehashed) and fetching the missing ones (or, for a derived model such as an
 * int8 version, computing them from the parent's files: {@link ModelDerivation}). Fetches are serialized within the
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
        if (entry.isDerived()) {
            return ensureDerived(entry, ModelManifest.load(modelsDir).require(entry.derivedFrom()), listener);
        }
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

    /**
     * The installed derived model, computing its quantized files from the parent's (fetched first if
     * missing) when they are missing or invalid.
     *
     * @param parent the model named by {@code entry.derivedFrom()}
     * @throws IOException also when a computed file differs from the manifest's size or SHA-256
     */
    public InstalledModel ensureDerived(ModelEntry entry, ModelEntry parent, FetchProgressListener listener)
            throws IOException {
        Optional<InstalledModel> ready = installed(entry);
        if (ready.isPresent()) {
            return ready.get();
        }
        InstalledModel parentFiles = ensureInstalled(parent, listener);
        QuantizationScheme scheme = QuantizationScheme.fromId(entry.quantization().scheme());
        synchronized (JVM_FETCH_LOCK) {
            try (FileChannel channel = FileChannel.open(modelsDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                if (entry.quantization().covers(Quantization.ENCODER) && !isValid(entry.encoder())) {
                    ModelDerivation.derive(entry.encoder(), parentFiles.encoderFile(), scheme, modelsDir, listener);
                }
                if (entry.quantization().covers(Quantization.DECODER) && !isValid(entry.decoder())) {
                    ModelDerivation.derive(entry.decoder(), parentFiles.decoderFile(), scheme, modelsDir, listener);
                }
            }
        }
        return installed(entry).orElseThrow(() -> new IOException("model '" + entry.id()
                + "' was computed but its files in " + modelsDir + " do not verify"));
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
