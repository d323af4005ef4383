package org.samannotator.core.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogFilesTest {
    private static final String HOME = "/home/ann";

    @Test
    void propertyOverridesEveryOsConvention() {
        assertEquals(Path.of("/tmp/custom-logs"), LogFiles.logDirectory("/tmp/custom-logs", "Windows 11",
                Map.of("LOCALAPPDATA", "/x"), HOME));
        assertEquals(Path.of("rel").toAbsolutePath(), LogFiles.logDirectory("rel", "Linux", Map.of(), HOME));
    }

    @Test
    void linuxUsesXdgStateHomeOrLocalState() {
        assertEquals(Path.of("/state/sam-annotator/logs"), LogFiles.logDirectory(null, "Linux",
                Map.of("XDG_STATE_HOME", "/state"), HOME));
        assertEquals(Path.of(HOME, ".local/state/sam-annotator/logs"), LogFiles.logDirectory("", "Linux",
                Map.of(), HOME));
        // the XDG spec says relative values are invalid and must be ignored
        assertEquals(Path.of(HOME, ".local/state/sam-annotator/logs"), LogFiles.logDirectory(" ", "Linux",
                Map.of("XDG_STATE_HOME", "relative/state"), HOME));
    }

    @Test
    void windowsUsesLocalAppData() {
        assertEquals(Path.of("/local-app-data", "SAM Annotator", "logs"), LogFiles.logDirectory(null,
                "Windows 10", Map.of("LOCALAPPDATA", "/local-app-data"), HOME));
        assertEquals(Path.of(HOME, "AppData", "Local", "SAM Annotator", "logs"), LogFiles.logDirectory(null,
                "Windows 10", Map.of(), HOME));
    }

    @Test
    void macUsesLibraryLogs() {
        assertEquals(Path.of(HOME, "Library", "Logs", "SAM Annotator"), LogFiles.logDirectory(null, "Mac OS X",
                Map.of("XDG_STATE_HOME", "/state"), HOME));
    }

    @Test
    void buildUsesTheFolderUnderTargetSetByMaven() {
        // surefire/failsafe pass -Dsamannotator.logDir=target/test-logs: tests never write into the real home
        assertEquals("test-logs", LogFiles.logDirectory().getFileName().toString());
        assertEquals(LogFiles.logDirectory().resolve("sam-annotator.log"), LogFiles.logFile());
    }
}
