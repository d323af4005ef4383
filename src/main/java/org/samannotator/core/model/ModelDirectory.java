package org.samannotator.core.model;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the models directory is (manifest, user model files, downloaded ONNX weights), and why.
 * Resolution order:
 * <ol>
 * <li>system property {@value #PROPERTY}, then environment variable {@value #ENV_VARIABLE} (used as given,
 *     even if the folder does not exist yet);</li>
 * <li>an existing {@code models} folder beside the running jar (jpackage app image: {@code lib/app/models})
 *     or beside the jar's folder ({@code target/sam-annotator.jar} gives {@code <repo>/models}); the same
 *     two places relative to a classes folder when run from an IDE or Maven ({@code target/classes});</li>
 * <li>{@code models} in the working directory.</li>
 * </ol>
 *
 * @param path the models directory (absolute, normalized)
 * @param origin a short explanation of how it was chosen, for display
 */
public record ModelDirectory(Path path, String origin) {
    private static final Logger LOG = LoggerFactory.getLogger(ModelDirectory.class);

    /** System property overriding the models directory. */
    public static final String PROPERTY = "samannotator.models";
    /** Environment variable overriding the models directory. */
    public static final String ENV_VARIABLE = "SAM_ANNOTATOR_MODELS";
    private static final String FOLDER_NAME = "models";

    /** Resolves the models directory of this running application. */
    public static ModelDirectory locate() {
        return resolve(System::getProperty, System::getenv, codeLocation(),
                Path.of(System.getProperty("user.dir")));
    }

    /**
     * The resolution rule with its inputs made explicit (for tests).
     *
     * @param systemProperties lookup of a system property (null = unset)
     * @param environment lookup of an environment variable (null = unset)
     * @param codeLocation the running jar file or classes folder, if known
     * @param workingDirectory the fallback base folder
     */
    public static ModelDirectory resolve(UnaryOperator<String> systemProperties, UnaryOperator<String> environment,
            Optional<Path> codeLocation, Path workingDirectory) {
        String property = systemProperties.apply(PROPERTY);
        if (property != null && !property.isBlank()) {
            return of(Path.of(property.trim()), "system property " + PROPERTY);
        }
        String variable = environment.apply(ENV_VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return of(Path.of(variable.trim()), "environment variable " + ENV_VARIABLE);
        }
        if (codeLocation.isPresent()) {
            for (Path candidate : besideCode(codeLocation.get())) {
                if (Files.isDirectory(candidate)) {
                    return of(candidate, "beside the application (" + codeLocation.get().getFileName() + ")");
                }
            }
        }
        return of(workingDirectory.resolve(FOLDER_NAME), "working directory");
    }

    private static ModelDirectory of(Path path, String origin) {
        return new ModelDirectory(path.toAbsolutePath().normalize(), origin);
    }

    private static List<Path> besideCode(Path location) {
        List<Path> candidates = new ArrayList<>();
        Path folder = location.toAbsolutePath().normalize().getParent();
        if (folder != null) {
            candidates.add(folder.resolve(FOLDER_NAME));
            if (folder.getParent() != null) {
                candidates.add(folder.getParent().resolve(FOLDER_NAME));
            }
        }
        return candidates;
    }

    private static Optional<Path> codeLocation() {
        try {
            CodeSource source = ModelDirectory.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return Optional.empty();
            }
            return Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            LOG.debug("location of the application code unknown, no models folder beside it: {}", e.toString());
            return Optional.empty();
        }
    }
}
