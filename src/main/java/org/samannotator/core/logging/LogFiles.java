package org.samannotator.core.logging;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the application's log files live (no logging backend here; the backend in {@code org.samannotator.logging}
 * writes them). The folder is, in order:
 * <ol>
 *   <li>the system property {@value #LOG_DIR_PROPERTY} (tests and portable installs);</li>
 *   <li>Windows: {@code %LOCALAPPDATA%\SAM Annotator\logs};</li>
 *   <li>macOS: {@code ~/Library/Logs/SAM Annotator};</li>
 *   <li>other systems: {@code $XDG_STATE_HOME/sam-annotator/logs}, else {@code ~/.local/state/sam-annotator/logs}.</li>
 * </ol>
 * The current file is {@value #LOG_FILE_NAME} in that folder; older ones are rolled over beside it. The file is
 * created at the first message, so it may not exist yet.
 */
public final class LogFiles {
    /** System property overriding the log folder. */
    public static final String LOG_DIR_PROPERTY = "samannotator.logDir";
    /** Name of the file currently written. */
    public static final String LOG_FILE_NAME = "sam-annotator.log";
    private static final String APP_FOLDER = "SAM Annotator";
    private static final String UNIX_APP_FOLDER = "sam-annotator";

    private static volatile boolean fileUnavailable;

    private LogFiles() {
    }

    /** The log folder for this user and OS (see the class comment); nothing is created. */
    public static Path logDirectory() {
        return logDirectory(System.getProperty(LOG_DIR_PROPERTY), System.getProperty("os.name", ""),
                System.getenv(), System.getProperty("user.home", "."));
    }

    /**
     * The log folder from explicit inputs (for tests): {@code overrideDir} wins when not blank, then the OS
     * conventions using {@code environment} and {@code userHome}.
     */
    static Path logDirectory(String overrideDir, String osName, Map<String, String> environment, String userHome) {
        if (overrideDir != null && !overrideDir.isBlank()) {
            return Path.of(overrideDir).toAbsolutePath();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        Path home = Path.of(userHome);
        if (os.startsWith("windows")) {
            String localAppData = environment.get("LOCALAPPDATA");
            Path base = isAbsolute(localAppData) ? Path.of(localAppData) : home.resolve("AppData").resolve("Local");
            return base.resolve(APP_FOLDER).resolve("logs");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Logs").resolve(APP_FOLDER);
        }
        String stateHome = environment.get("XDG_STATE_HOME");
        Path base = isAbsolute(stateHome) ? Path.of(stateHome) : home.resolve(".local").resolve("state");
        return base.resolve(UNIX_APP_FOLDER).resolve("logs");
    }

    /** {@value #LOG_FILE_NAME} in {@link #logDirectory()}, whether or not it can be written. */
    public static Path logFile() {
        return logDirectory().resolve(LOG_FILE_NAME);
    }

    /**
     * The file this process logs to (for an About dialog or a bug report); empty when the log folder could not
     * be written and messages go to the console only. The file may not exist yet: it is created at the first
     * message.
     */
    public static Optional<Path> currentLogFile() {
        return fileUnavailable ? Optional.empty() : Optional.of(logFile());
    }

    /** Called by the logging backend when the log file cannot be created or opened. */
    public static void reportFileUnavailable() {
        fileUnavailable = true;
    }

    /** XDG and Windows rules: relative values are invalid and ignored. */
    private static boolean isAbsolute(String path) {
        if (path == null || path.isBlank()) {
            return false;
        }
        try {
            return Path.of(path).isAbsolute();
        } catch (InvalidPathException e) {
            return false; // not a usable folder: the documented fallback applies (no logging here: runs inside setup)
        }
    }
}
