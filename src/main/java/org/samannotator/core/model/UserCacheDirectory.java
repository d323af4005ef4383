package org.samannotator.core.model;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The per-user cache folder of SAM Annotator in each platform's standard place: Linux (and other Unix)
 * {@code $XDG_CACHE_HOME/sam-annotator}, else {@code ~/.cache/sam-annotator}; Windows
 * {@code %LOCALAPPDATA%\SAM Annotator\cache}; macOS {@code ~/Library/Caches/sam-annotator}. The system
 * property {@value #PROPERTY} overrides it.
 */
public final class UserCacheDirectory {
    /** System property overriding the cache folder. */
    public static final String PROPERTY = "samannotator.cache";

    private UserCacheDirectory() {
    }

    /** The cache folder of this user on this system (it may not exist yet). */
    public static Path locate() {
        return resolve(System::getProperty, System::getenv);
    }

    /**
     * The rule with its inputs explicit (for tests).
     *
     * @param systemProperties lookup of a system property ({@code os.name}, {@code user.home}, {@value #PROPERTY})
     * @param environment      lookup of an environment variable (null = unset)
     */
    public static Path resolve(UnaryOperator<String> systemProperties, UnaryOperator<String> environment) {
        String override = systemProperties.apply(PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override.trim());
        }
        String os = String.valueOf(systemProperties.apply("os.name")).toLowerCase(Locale.ROOT);
        Path home = Path.of(systemProperties.apply("user.home"));
        if (os.startsWith("windows")) {
            String local = environment.apply("LOCALAPPDATA");
            Path base = isSet(local) ? Path.of(local) : home.resolve("AppData").resolve("Local");
            return base.resolve("SAM Annotator").resolve("cache");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Caches").resolve("sam-annotator");
        }
        String xdg = environment.apply("XDG_CACHE_HOME");
        Path base = isSet(xdg) && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".cache");
        return base.resolve("sam-annotator");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
