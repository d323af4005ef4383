import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.samannotator.core.model.ModelEntry;
import org.samannotator.core.model.ModelFileSpec;
import org.samannotator.core.model.ModelManifest;

/**
 * Build-time helper of packaging/build-installers.sh, run with the JDK's source launcher and the shaded jar on
 * the class path (so the model files are chosen by the application's own manifest code):
 *
 * <pre>
 * java -cp target/sam-annotator.jar packaging/PackagingTool.java split-natives IN.jar OUT.jar NATIVE_DIR
 * java -cp target/sam-annotator.jar packaging/PackagingTool.java stage-models REPO_MODELS_DIR STAGE_DIR EPOCH
 * java -cp target/sam-annotator.jar packaging/PackagingTool.java set-mtime DIR EPOCH
 * </pre>
 *
 * {@code split-natives} copies the shaded jar without the ONNX Runtime native libraries of every platform
 * (45 of the jar's 69 MB) and extracts this platform's libraries into NATIVE_DIR. {@code stage-models}
 * copies the committed manifest and the default model's encoder and decoder into the app image's models
 * folder. The application remembers each model file's SHA-256 in a sidecar keyed by size and modification
 * time, so the model files get one fixed time, EPOCH (seconds, the build's SOURCE_DATE_EPOCH):
 * {@code set-mtime} restores it after jpackage copies the files, and dpkg-deb clamps the .deb's times to it.
 */
public final class PackagingTool {
    private static final String NATIVE_ROOT = "/ai/onnxruntime/native/";

    private PackagingTool() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 4 && args[0].equals("split-natives")) {
            splitNatives(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), hostPlatform());
        } else if (args.length == 4 && args[0].equals("stage-models")) {
            stageDefaultModel(Path.of(args[1]), Path.of(args[2]), Long.parseLong(args[3]));
        } else if (args.length == 3 && args[0].equals("set-mtime")) {
            setModificationTimes(Path.of(args[1]), Long.parseLong(args[2]));
        } else {
            System.err.println("usage: PackagingTool split-natives IN.jar OUT.jar NATIVE_DIR"
                    + " | stage-models REPO_MODELS_DIR STAGE_DIR EPOCH_SECONDS | set-mtime DIR EPOCH_SECONDS");
            System.exit(2);
        }
    }

    /** ONNX Runtime's name for this machine's native folder: linux-x64, linux-aarch64, osx-aarch64, win-x64... */
    static String hostPlatform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String osPart = os.contains("win") ? "win" : os.contains("mac") || os.contains("darwin") ? "osx" : "linux";
        String archPart = arch.equals("amd64") || arch.equals("x86_64") ? "x64"
                : arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : arch;
        return osPart + "-" + archPart;
    }

    /**
     * Copies the jar without any ONNX Runtime natives, extracting this platform's libraries (not their macOS
     * debug symbols) into {@code nativeDir}; the launcher passes {@code -Donnxruntime.native.path} so ONNX
     * Runtime loads them from there instead of unpacking 28 MB into the temp folder on every start.
     */
    static void splitNatives(Path in, Path out, Path nativeDir, String platform) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.createDirectories(nativeDir);
        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        // The zip file system rewrites the archive on close, copying untouched entries without recompressing.
        try (FileSystem jar = FileSystems.newFileSystem(URI.create("jar:" + out.toUri()), Map.of())) {
            Path nativeRoot = jar.getPath(NATIVE_ROOT);
            Path platformDir = nativeRoot.resolve(platform);
            if (!Files.isDirectory(platformDir)) {
                throw new IOException(in + " has no ONNX Runtime natives for " + platform + " under "
                        + NATIVE_ROOT + ": this platform cannot run the application");
            }
            try (Stream<Path> libraries = Files.list(platformDir)) {
                for (Path library : libraries.filter(Files::isRegularFile).toList()) {
                    Path target = nativeDir.resolve(name(library));
                    Files.copy(library, target, StandardCopyOption.REPLACE_EXISTING);
                    System.out.printf("  extracted %s (%.1f MB)%n", target, Files.size(target) / 1e6);
                }
            }
            deleteTree(nativeRoot);
        }
        System.out.printf("  jar: %.1f MB -> %.1f MB without ONNX Runtime natives (%s kept in %s)%n",
                Files.size(in) / 1e6, Files.size(out) / 1e6, platform, nativeDir);
    }

    /** The last path element without the trailing slash zip file systems give directories. */
    private static String name(Path path) {
        Path last = path.getFileName();
        return last == null ? "" : last.toString().replaceAll("/+$", "");
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    static void stageDefaultModel(Path repoModels, Path stage, long epochSeconds) throws IOException {
        ModelEntry model = ModelManifest.load(repoModels).defaultModel();
        Files.createDirectories(stage);
        List<String> names = new ArrayList<>(List.of(ModelManifest.MANIFEST_FILE));
        for (ModelFileSpec spec : List.of(model.encoder(), model.decoder())) {
            names.add(spec.file());
        }
        for (String name : names) {
            Path source = repoModels.resolve(name);
            if (!Files.isRegularFile(source)) {
                throw new IOException("missing " + source + " (run 'models fetch' first)");
            }
            Path target = stage.resolve(name);
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            System.out.printf("  staged %s (%.1f MB)%n", target, Files.size(target) / 1e6);
        }
        setModificationTimes(stage, epochSeconds);
        System.out.println("  default model: " + model.id());
    }

    /** Sets every regular file directly in {@code dir} to the given modification time (seconds since 1970). */
    static void setModificationTimes(Path dir, long epochSeconds) throws IOException {
        FileTime time = FileTime.from(epochSeconds, TimeUnit.SECONDS);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, time);
            }
        }
    }
}
