package org.samannotator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesktopEnvironmentTest {
    @Test
    void linuxWithoutDisplaySaysSoAndPointsToTheCommands() {
        String message = DesktopEnvironment.problem("Linux", Map.of(), env -> true).orElseThrow();
        assertTrue(message.contains("no display found") && message.contains("DISPLAY"), message);
        assertTrue(message.contains("sam-annotator --help"), message);
    }

    @Test
    void linuxWithoutGtkSaysHowToInstallIt() {
        String message = DesktopEnvironment.problem("Linux", Map.of("DISPLAY", ":0"), env -> false).orElseThrow();
        assertTrue(message.contains("libgtk-3.so.0"), message);
        assertTrue(message.contains("sudo apt-get install libgtk-3-0"), message);
        assertTrue(message.contains("sudo dnf install gtk3"), message);
    }

    @Test
    void waylandAloneIsADisplay() {
        assertEquals(Optional.empty(), DesktopEnvironment.problem("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"),
                env -> true));
    }

    @Test
    void windowsAndMacNeedNoCheck() {
        assertEquals(Optional.empty(), DesktopEnvironment.problem("Windows 11", Map.of(), env -> false));
        assertEquals(Optional.empty(), DesktopEnvironment.problem("Mac OS X", Map.of(), env -> false));
    }

    @Test
    void gtkIsFoundThroughLdLibraryPath(@TempDir Path dir) throws Exception {
        Map<String, String> env = Map.of("LD_LIBRARY_PATH", dir.toString());
        boolean before = DesktopEnvironment.gtkInstalled(env);
        Files.createFile(dir.resolve(DesktopEnvironment.GTK_LIBRARY));
        assertTrue(DesktopEnvironment.gtkInstalled(env));
        assertTrue(before == DesktopEnvironment.gtkInstalled(Map.of()), "the standard folders decide otherwise");
    }
}
