package org.samannotator.core.annotation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.samannotator.core.geometry.Size;

/**
 * Everything annotated on one image, keyed by its file name relative to the project folder: its status,
 * its accepted objects in creation order, the candidate being prompted (never saved) and the image size
 * (width, height) once known. Immutable: every change makes a new value, which is what undo snapshots hold.
 */
public record ImageAnnotations(String fileName, ImageStatus status, List<AnnotatedObject> objects,
        Optional<Candidate> candidate, Optional<Size> size) {
    public ImageAnnotations {
        objects = List.copyOf(objects);
    }

    public static ImageAnnotations empty(String fileName) {
        return new ImageAnnotations(fileName, ImageStatus.NOT_STARTED, List.of(), Optional.empty(), Optional.empty());
    }

    public ImageAnnotations withStatus(ImageStatus newStatus) {
        return new ImageAnnotations(fileName, newStatus, objects, candidate, size);
    }

    public ImageAnnotations withObjects(List<AnnotatedObject> newObjects) {
        return new ImageAnnotations(fileName, status, newObjects, candidate, size);
    }

    public ImageAnnotations withCandidate(Candidate newCandidate) {
        return new ImageAnnotations(fileName, status, objects, Optional.ofNullable(newCandidate), size);
    }

    public ImageAnnotations withSize(Size newSize) {
        return new ImageAnnotations(fileName, status, objects, candidate, Optional.of(newSize));
    }

    public Optional<AnnotatedObject> object(long objectId) {
        return objects.stream().filter(o -> o.id() == objectId).findFirst();
    }

    /** The objects with the one of the same id replaced, or {@code replacement} appended if new. */
    public List<AnnotatedObject> objectsWith(AnnotatedObject replacement) {
        List<AnnotatedObject> result = new ArrayList<>(objects);
        for (int i = 0; i < result.size(); i++) {
            if (result.get(i).id() == replacement.id()) {
                result.set(i, replacement);
                return result;
            }
        }
        result.add(replacement);
        return result;
    }

    public List<AnnotatedObject> objectsWithout(long objectId) {
        return objects.stream().filter(o -> o.id() != objectId).toList();
    }

    /** True when there is something worth saving: objects, a status, or a known size. */
    public boolean hasSavedContent() {
        return !objects.isEmpty() || status != ImageStatus.NOT_STARTED;
    }
}
