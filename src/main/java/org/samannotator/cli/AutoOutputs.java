package org.samannotator.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Locale;
import org.samannotator.core.auto.AutoImagePass;
import org.samannotator.core.auto.Sa1bJson;
import org.samannotator.core.io.AtomicFiles;

/**
 * The {@code auto} command's output folder: one {@code NAME.json} per image, and {@code .auto-settings}
 * holding the model and settings of the run. The settings file is rewritten only when they change, so its
 * time stamp says since when the current settings hold: an image's output is up to date when it is a
 * complete SA-1B JSON newer than both the image and the settings file.
 */
final class AutoOutputs {
    static final String SETTINGS_FILE = AutoImagePass.SETTINGS_FILE;

    private final Path directory;

    AutoOutputs(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    /** Creates the folder, removes temporary files left by a killed run, and records the settings. */
    void prepare(String settingsText) throws IOException {
        Files.createDirectories(directory);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                if (AtomicFiles.isTemporaryFileName(file.getFileName().toString())) {
                    Files.deleteIfExists(file);
                }
            }
        }
        Path settings = directory.resolve(SETTINGS_FILE);
        byte[] bytes = (settingsText + "\n").getBytes(StandardCharsets.UTF_8);
        if (!Files.isRegularFile(settings) || !java.util.Arrays.equals(Files.readAllBytes(settings), bytes)) {
            AtomicFiles.writeBytes(settings, bytes);
        }
    }

    /** The output file of an image: {@code NAME.json} with the image's name minus its extension. */
    Path outputFor(Path image) {
        return directory.resolve(AutoImagePass.outputName(image.getFileName().toString()));
    }

    /** True when the image's output is complete and newer than the image and the settings. */
    boolean isUpToDate(Path image) {
        Path output = outputFor(image);
        try {
            if (!Files.isRegularFile(output)) {
                return false;
            }
            FileTime written = Files.getLastModifiedTime(output);
            if (written.compareTo(Files.getLastModifiedTime(image)) <= 0
                    || written.compareTo(Files.getLastModifiedTime(directory.resolve(SETTINGS_FILE))) <= 0) {
                return false;
            }
            Sa1bJson.read(output);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static String describe(IOException e) {
        String message = String.valueOf(e.getMessage());
        return message.toLowerCase(Locale.ROOT).contains("no space") ? "disk full (" + message + ")" : message;
    }
}
