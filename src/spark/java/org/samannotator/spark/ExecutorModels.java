package org.samannotator.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkFiles;
import org.samannotator.core.model.InstalledModel;
import org.samannotator.core.model.ModelEntry;
import org.samannotator.core.model.ModelFileSpec;
import org.samannotator.core.model.ModelManifest;
import org.samannotator.core.model.ModelStore;
import org.samannotator.core.model.Sha256;
import org.samannotator.core.sam.SamPredictor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One encoder/decoder pair per executor JVM: loaded by the first task that needs it, after its files are verified
 * (size and SHA-256 of the manifest, through core's {@link ModelStore}), and shared by every later and concurrent
 * task of that JVM (ONNX Runtime sessions are safe for concurrent runs). Files shipped with {@code --files} (found
 * through {@link SparkFiles}) win over the models folder; a folder on a non-local Hadoop file system is copied
 * once into the JVM's temporary folder first. Nothing is ever fetched from the network here.
 */
final class ExecutorModels {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorModels.class);
    private static final Map<String, Loaded> LOADED = new ConcurrentHashMap<>();

    /**
     * A loaded model and what loading it cost (verification included); {@code reported} turns true once the first
     * task has counted the load in the job's metrics.
     */
    record Loaded(SamPredictor predictor, InstalledModel model, double loadSeconds, AtomicBoolean reported) {
    }

    private ExecutorModels() {
    }

    /** Stack of the thread that creates the ONNX Runtime sessions (see {@link #loadOnLargeStack}). */
    private static final long LOAD_STACK_BYTES = 256L << 20;

    /** The JVM's predictor for this location, loaded and verified on first use. */
    static Loaded get(ModelLocation location, Configuration conf) {
        return LOADED.computeIfAbsent(location.key(), key -> loadOnLargeStack(location, conf));
    }

    /**
     * Loads on a thread of its own with a large stack: creating the sessions (ONNX Runtime's graph optimisation,
     * native code) crashed the JVM with SIGSEGV on a 1 MB thread stack (Java's default for every thread but the
     * primordial one, so also for Spark's task threads) next to Spark's classpath; 8 MB and more worked.
     */
    private static Loaded loadOnLargeStack(ModelLocation location, Configuration conf) {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread loader = new Thread(null, () -> {
            try {
                outcome.set(load(location, conf));
            } catch (RuntimeException | Error e) {
                outcome.set(e);
            }
        }, "sam-model-load", LOAD_STACK_BYTES);
        loader.start();
        try {
            loader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the model", e);
        }
        Object result = outcome.get();
        if (result instanceof RuntimeException e) {
            throw e;
        }
        if (result instanceof Error e) {
            throw e;
        }
        return (Loaded) result;
    }

    private static Loaded load(ModelLocation location, Configuration conf) {
        long start = System.nanoTime();
        try {
            InstalledModel model = verified(location, conf);
            SamPredictor predictor = SamPredictor.load(model, location.threads());
            double seconds = (System.nanoTime() - start) / 1e9;
            LOG.info("model {} verified and loaded in {} s ({} intra-op threads) from {}", model.id(),
                    String.format(java.util.Locale.ROOT, "%.2f", seconds), location.threads(), model.encoderFile().getParent());
            return new Loaded(predictor, model, seconds, new AtomicBoolean());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The model's files as local files whose size and SHA-256 match the manifest.
     *
     * @throws IOException naming the files and the expected hashes when they are missing or do not match
     */
    static InstalledModel verified(ModelLocation location, Configuration conf) throws IOException {
        Path models = new Path(location.modelsUri());
        FileSystem fs = models.getFileSystem(conf);
        java.nio.file.Path localDir = LocalFiles.isLocal(fs) ? LocalFiles.toLocal(fs, models)
                : copyDir(fs, models, location.modelId());
        ModelEntry entry = ModelManifest.load(localDir).require(location.modelId());
        Optional<java.nio.file.Path> shipped = shippedDirectory(entry);
        java.nio.file.Path dir = shipped.orElse(localDir);
        return new ModelStore(dir).installed(entry).orElseThrow(() -> new IOException("model '" + entry.id()
                + "': " + entry.encoder().file() + " and " + entry.decoder().file() + " in " + dir
                + (shipped.isPresent() ? " (shipped with --files)" : "") + " are missing or do not match the manifest"
                + " (SHA-256 " + entry.encoder().sha256() + " and " + entry.decoder().sha256() + ")"));
    }

    /** The folder of files shipped with {@code --files}, when both model files are there. */
    private static Optional<java.nio.file.Path> shippedDirectory(ModelEntry entry) {
        String root;
        try {
            root = SparkFiles.getRootDirectory();
        } catch (RuntimeException e) {
            return Optional.empty(); // no Spark environment (driver-side checks before the context exists)
        }
        java.nio.file.Path dir = java.nio.file.Path.of(root);
        boolean both = Files.isRegularFile(dir.resolve(entry.encoder().file()))
                && Files.isRegularFile(dir.resolve(entry.decoder().file()));
        return both ? Optional.of(dir) : Optional.empty();
    }

    /**
     * The manifest of a models folder (local, or a remote folder's manifest copied into this JVM's folder for it);
     * the manifest inside the jar when the folder has none.
     */
    static ModelManifest manifest(String modelsUri, Configuration conf) throws IOException {
        Path models = new Path(modelsUri);
        FileSystem fs = models.getFileSystem(conf);
        if (LocalFiles.isLocal(fs)) {
            return ModelManifest.load(LocalFiles.toLocal(fs, models));
        }
        java.nio.file.Path local = localFolderFor(fs, models);
        copyIfPresent(fs, new Path(models, ModelManifest.MANIFEST_FILE), local);
        return ModelManifest.load(local);
    }

    /** Copies a remote models folder's manifest and one model's files into a local folder of this JVM. */
    private static java.nio.file.Path copyDir(FileSystem fs, Path models, String modelId) throws IOException {
        java.nio.file.Path local = localFolderFor(fs, models);
        copyIfPresent(fs, new Path(models, ModelManifest.MANIFEST_FILE), local);
        ModelEntry entry = ModelManifest.load(local).require(modelId);
        ModelStore store = new ModelStore(local);
        for (ModelFileSpec spec : List.of(entry.encoder(), entry.decoder())) {
            Path remote = new Path(models, spec.file());
            if (!store.isValid(spec) && fs.exists(remote)) {
                copy(fs, remote, local.resolve(spec.file()));
            }
        }
        return local;
    }

    private static java.nio.file.Path localFolderFor(FileSystem fs, Path models) throws IOException {
        String name = Sha256.hashBytes(fs.makeQualified(models).toString().getBytes(StandardCharsets.UTF_8));
        return Files.createDirectories(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
                "sam-annotator-models-" + name.substring(0, 16)));
    }

    private static void copyIfPresent(FileSystem fs, Path remote, java.nio.file.Path localDir) throws IOException {
        if (fs.exists(remote)) {
            copy(fs, remote, localDir.resolve(remote.getName()));
        }
    }

    private static void copy(FileSystem fs, Path remote, java.nio.file.Path target) throws IOException {
        java.nio.file.Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try (InputStream in = fs.open(remote)) {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
