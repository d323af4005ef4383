package org.samannotator.core.annotation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.samannotator.core.geometry.Size;

/**
 * Everything annotated on one image, keyed by its file name relative to the project folder: its status,
 * its accepted objects in creation order, the model's suggestions not yet reviewed, the candidate being
 * prompted (never saved) and the image size (width, height) once known. Immutable: every change makes a new
 * value, which is what undo snapshots hold.
 *
 * <p>An image loaded from the project file reads its objects and suggestions from the file's text on first
 * access ({@link #objects()}, {@link #suggestions()}); {@link #objectCount()} and {@link #hasSavedContent()}
 * do not read them, and {@link #readProblem()} says what of the entry could not be read.
 */
public record ImageAnnotations(String fileName, ImageStatus status, List<AnnotatedObject> objects,
        Optional<Candidate> candidate, Optional<Size> size, List<Suggestion> suggestions) {
    public ImageAnnotations {
        objects = EntryList.keepOrCopy(objects);
        suggestions = EntryList.keepOrCopy(suggestions);
    }

    /** Without suggestions. */
    public ImageAnnotations(String fileName, ImageStatus status, List<AnnotatedObject> objects,
            Optional<Candidate> candidate, Optional<Size> size) {
        this(fileName, status, objects, candidate, size, List.of());
    }

    public static ImageAnnotations empty(String fileName) {
        return new ImageAnnotations(fileName, ImageStatus.NOT_STARTED, List.of(), Optional.empty(), Optional.empty());
    }

    public ImageAnnotations withStatus(ImageStatus newStatus) {
        return new ImageAnnotations(fileName, newStatus, objects, candidate, size, suggestions);
    }

    public ImageAnnotations withObjects(List<AnnotatedObject> newObjects) {
        return new ImageAnnotations(fileName, status, newObjects, candidate, size, suggestions);
    }

    public ImageAnnotations withCandidate(Candidate newCandidate) {
        return new ImageAnnotations(fileName, status, objects, Optional.ofNullable(newCandidate), size, suggestions);
    }

    public ImageAnnotations withSize(Size newSize) {
        return new ImageAnnotations(fileName, status, objects, candidate, Optional.of(newSize), suggestions);
    }

    public ImageAnnotations withSuggestions(List<Suggestion> newSuggestions) {
        return new ImageAnnotations(fileName, status, objects, candidate, size, newSuggestions);
    }

    public Optional<AnnotatedObject> object(long objectId) {
        return objects.stream().filter(o -> o.id() == objectId).findFirst();
    }

    public Optional<Suggestion> suggestion(long suggestionId) {
        return suggestions.stream().filter(s -> s.id() == suggestionId).findFirst();
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

    public List<Suggestion> suggestionsWithout(long suggestionId) {
        return suggestions.stream().filter(s -> s.id() != suggestionId).toList();
    }

    /** True when there is something worth saving: objects, suggestions, or a status (reads nothing). */
    public boolean hasSavedContent() {
        return objectCount() > 0 || EntryList.countWithoutReading(suggestions) > 0
                || status != ImageStatus.NOT_STARTED;
    }

    /**
     * How many objects the image has, without reading an entry of the project file not read yet (then the
     * count the file lists, which includes any object that will turn out damaged).
     */
    public int objectCount() {
        return EntryList.countWithoutReading(objects);
    }

    /** How many suggestions the image has, without reading an entry of the project file not read yet. */
    public int suggestionCount() {
        return EntryList.countWithoutReading(suggestions);
    }

    /** The suggestions' ids, without reading an entry of the project file not read yet. */
    public java.util.stream.LongStream suggestionIds() {
        return EntryList.idsWithoutReading(suggestions, Suggestion::id);
    }

    /**
     * What of this image's entry in the project file could not be read and was left out (reading the entry if
     * it was not read yet), with where the original file was kept; empty when everything read.
     */
    public Optional<String> readProblem() {
        return EntryList.problem(objects).or(() -> EntryList.problem(suggestions));
    }
}
