package org.samannotator.core.annotation;

import java.util.List;
import java.util.Optional;

/**
 * The saved part of a project, as written to and read from the project file: categories, the images that
 * have content (objects or a status; candidates are never saved), the image that was open, and the next
 * object id. Immutable; safe to hand to a background saver.
 */
public record ProjectData(List<Category> categories, List<ImageAnnotations> images, Optional<String> currentImage,
        long nextObjectId) {
    public ProjectData {
        categories = List.copyOf(categories);
        // unchanged images stay the same instances (the project file's writer caches their text by identity)
        images = images.stream().map(i -> i.candidate().isPresent() ? i.withCandidate(null) : i).toList();
        currentImage = currentImage == null ? Optional.empty() : currentImage;
    }

    public static ProjectData empty() {
        return new ProjectData(List.of(), List.of(), Optional.empty(), 1);
    }
}
