package org.samannotator.core.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The per-user configuration folder of SAM Annotator in each platform's standard place: Linux (and other Unix)
 * {@code $XDG_CONFIG_HOME/sam-annotator}, else {@code ~/.config/sam-annotator}; Windows
 * {@code %APPDATA%\sam-annotator}; macOS {@code ~/Library/Application Support/sam-annotator}. The system
 * property {@value #PROPERTY} overrides it.
 */
public final class UserConfigDirectory {
    /** System property overriding the configuration folder. */
    public static final String PROPERTY = "samannotator.configDir";
    private static final String NAME = "sam-annotator";

    private UserConfigDirectory() {
    }

    /** The configuration folder of this user on this system (it may not exist yet). */
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
        if (isSet(override)) {
            return Path.of(override.trim());
        }
        String os = String.valueOf(systemProperties.apply("os.name")).toLowerCase(Locale.ROOT);
        Path home = Path.of(systemProperties.apply("user.home"));
        if (os.startsWith("windows")) {
            String appData = environment.apply("APPDATA");
            Path base = isSet(appData) ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
            return base.resolve(NAME);
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve(NAME);
        }
        String xdg = environment.apply("XDG_CONFIG_HOME");
        Path base = isSet(xdg) && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".config");
        return base.resolve(NAME);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
