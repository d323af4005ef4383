package org.samannotator.gui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.samannotator.core.annotation.ProjectStore;
import org.samannotator.core.image.ImageLoader;

/**
 * What the app was asked to open on start (command line, desktop "Open with", file association): a folder,
 * an image (opens its folder on that image) or a project file {@code <folder>/.sam-annotator/project.samproj}
 * (opens {@code <folder>}).
 *
 * @param folder the image folder to open
 * @param image  the file name of the image to start on, if one was named
 */
public record LaunchTarget(Path folder, Optional<String> image) {
    /** Resolves a path given by the user; IllegalArgumentException with a readable message if it can't be opened. */
    public static LaunchTarget resolve(Path path) {
        Path target = path.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            return new LaunchTarget(target, Optional.empty());
        }
        if (!Files.isRegularFile(target)) {
            throw new IllegalArgumentException("Not a folder or file: " + target);
        }
        Path parent = target.getParent();
        String name = target.getFileName().toString();
        if (name.endsWith(".samproj") && parent.getFileName() != null
                && parent.getFileName().toString().equals(ProjectStore.DIRECTORY)) {
            return new LaunchTarget(parent.getParent(), Optional.empty());
        }
        if (ImageLoader.isSupportedImageFile(target)) {
            return new LaunchTarget(parent, Optional.of(name));
        }
        throw new IllegalArgumentException("Not a folder, an image or a project file: " + target);
    }

    /** The arguments handed through JavaFX's launcher (strings only). */
    String[] toArguments() {
        return image.map(i -> new String[] {folder.toString(), i}).orElse(new String[] {folder.toString()});
    }
}
