package org.samannotator.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Checks, before the window is opened, that this machine can show one: on Linux a graphical session
 * (DISPLAY or WAYLAND_DISPLAY) and the GTK 3 library JavaFX draws its windows with. Without this check
 * JavaFX fails with a raw stack trace; with it the user reads what is missing and how to install it.
 * Windows and macOS always have what JavaFX needs. JavaFX's headless Monocle platform needs neither.
 */
final class DesktopEnvironment {
    static final String GTK_LIBRARY = "libgtk-3.so.0";
    private static final List<String> LIBRARY_DIRS = List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
            "/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib", "/lib",
            "/usr/local/lib", "/app/lib", "/run/current-system/sw/lib");

    private DesktopEnvironment() {
    }

    /** The problem with this process's environment, if any. */
    static Optional<String> problem() {
        if ("monocle".equalsIgnoreCase(System.getProperty("glass.platform", ""))) {
            return Optional.empty();
        }
        return problem(System.getProperty("os.name", ""), System.getenv(), DesktopEnvironment::gtkInstalled);
    }

    /**
     * @param osName      the {@code os.name} property
     * @param environment the environment variables
     * @param hasGtk      whether GTK 3 can be found, given the environment (LD_LIBRARY_PATH)
     * @return what is missing and how to get it, or empty when the window can open
     */
    static Optional<String> problem(String osName, Map<String, String> environment,
            Predicate<Map<String, String>> hasGtk) {
        if (!osName.toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        if (isBlank(environment.get("DISPLAY")) && isBlank(environment.get("WAYLAND_DISPLAY"))) {
            return Optional.of("Cannot open the SAM Annotator window: no display found (neither DISPLAY nor"
                    + " WAYLAND_DISPLAY is set). Start it from a desktop session, or over SSH with 'ssh -X'."
                    + " Without a display, use the commands instead: 'sam-annotator --help' lists them (segment,"
                    + " eval, models, selftest, ...).");
        }
        if (!hasGtk.test(environment)) {
            return Optional.of("Cannot open the SAM Annotator window: the GTK 3 library (" + GTK_LIBRARY
                    + ") is not installed, and the window toolkit (JavaFX) needs it on Linux. Install it:"
                    + " Debian/Ubuntu 'sudo apt-get install libgtk-3-0' (Ubuntu 24.04 and later: libgtk-3-0t64),"
                    + " Fedora 'sudo dnf install gtk3', openSUSE 'sudo zypper install gtk3', Arch 'sudo pacman -S"
                    + " gtk3'. The commands (segment, eval, models, selftest) work without it.");
        }
        return Optional.empty();
    }

    /** True when libgtk-3.so.0 is in LD_LIBRARY_PATH or a standard library folder. */
    static boolean gtkInstalled(Map<String, String> environment) {
        List<String> dirs = new ArrayList<>();
        String ldPath = environment.get("LD_LIBRARY_PATH");
        if (!isBlank(ldPath)) {
            dirs.addAll(List.of(ldPath.split(File.pathSeparator)));
        }
        dirs.addAll(LIBRARY_DIRS);
        return dirs.stream().filter(d -> !d.isBlank()).anyMatch(d -> Files.exists(Path.of(d, GTK_LIBRARY)));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
