package org.samannotator.core.annotation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import org.samannotator.core.geometry.Box;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.prompt.PromptPoint;
import org.samannotator.core.segment.ProposedMask;

/**
 * The annotations of one image folder and the commands that change them. Every command is undoable
 * (including each prompt point, box and brush stroke of the candidate) and notifies the listeners; commands
 * that change saved data are marked persistent so an autosaver writes them. Not thread-safe: use it from
 * one thread (the UI thread). Image keys are file names relative to the folder.
 */
public final class AnnotationProject {
    private final Map<String, ImageAnnotations> images = new LinkedHashMap<>();
    private final List<ProjectListener> listeners = new CopyOnWriteArrayList<>();
    private final UndoHistory history = new UndoHistory();
    private final LongSupplier clockMillis;
    private final DecodedProposals decodedProposals = new DecodedProposals();
    private List<Category> categories;
    private Optional<String> currentImage;
    private long nextObjectId;
    private final ProjectSuggestions suggestions;

    public AnnotationProject(ProjectData data, LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
        this.categories = data.categories();
        this.currentImage = data.currentImage();
        this.nextObjectId = data.nextObjectId();
        data.images().forEach(i -> images.put(i.fileName(), i));
        suggestions = new ProjectSuggestions(this, clockMillis, 1 + data.images().stream()
                .flatMapToLong(ImageAnnotations::suggestionIds).max().orElse(0));
    }

    public AnnotationProject(ProjectData data) {
        this(data, System::currentTimeMillis);
    }

    public void addListener(ProjectListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ProjectListener listener) {
        listeners.remove(listener);
    }

    /** The saved part of the current state. */
    public ProjectData snapshot() {
        List<ImageAnnotations> saved = images.values().stream()
                .filter(i -> i.hasSavedContent() || i.size().isPresent()).toList();
        return new ProjectData(categories, saved, currentImage, nextObjectId);
    }

    /** The suggestion commands: store generated ones, accept, reject, edit (see {@link ProjectSuggestions}). */
    public ProjectSuggestions suggestions() {
        return suggestions;
    }

    public List<Category> categories() {
        return categories;
    }

    public Optional<Category> category(int id) {
        return categories.stream().filter(c -> c.id() == id).findFirst();
    }

    /** The annotations of an image; an empty value for images never touched. */
    public ImageAnnotations image(String fileName) {
        return images.getOrDefault(fileName, ImageAnnotations.empty(fileName));
    }

    public Optional<String> currentImage() {
        return currentImage;
    }

    /** Remembers which image is open (saved, not undoable). */
    public void setCurrentImage(String fileName) {
        if (fileName != null) {
            suggestions.markReviewStep(fileName);
        }
        if (!Optional.ofNullable(fileName).equals(currentImage)) {
            currentImage = Optional.ofNullable(fileName);
            fire(new ProjectChange(Set.of(), false, true));
        }
    }

    /** Records the size of an image once it has been read (saved, not undoable). */
    public void setImageSize(String fileName, Size size) {
        ImageAnnotations current = image(fileName);
        if (!current.size().equals(Optional.of(size))) {
            images.put(fileName, current.withSize(size));
            fire(new ProjectChange(Set.of(fileName), false, true));
        }
    }

    // ----- candidate commands (undoable, not saved) -----

    /** Adds a prompt point to the image's candidate (starting one); returns the candidate to decode. */
    public Candidate addPoint(String fileName, PromptPoint point) {
        Candidate candidate = candidateOrStart(fileName);
        Candidate next = candidate.withPrompts(candidate.prompts().withPoint(point));
        String what = point.label() == org.samannotator.core.prompt.PointLabel.FOREGROUND ? "add point" : "add background point";
        changeCandidate(fileName, next, what);
        return next;
    }

    /** Removes the point at {@code index}; returns the candidate to decode (empty when no prompts remain). */
    public Optional<Candidate> removePoint(String fileName, int index) {
        Candidate candidate = image(fileName).candidate().orElseThrow(() -> new IllegalStateException("no candidate"));
        Candidate next = candidate.withPrompts(candidate.prompts().withoutPoint(index));
        Candidate kept = next.isBlank() && next.targetObjectId().isEmpty() ? null : next;
        changeCandidate(fileName, kept, "remove point");
        return Optional.ofNullable(kept).filter(c -> !c.prompts().isEmpty());
    }

    /** Sets (replaces) the box prompt of the candidate; returns the candidate to decode. */
    public Candidate setBox(String fileName, Box box) {
        Candidate candidate = candidateOrStart(fileName);
        Candidate next = candidate.withPrompts(candidate.prompts().withBox(box));
        changeCandidate(fileName, next, "box");
        return next;
    }

    /** Applies a brush or eraser stroke to the candidate (starting an empty one if needed). */
    public void addCandidateStroke(String fileName, MaskEdit stroke, String description) {
        changeCandidate(fileName, candidateOrStart(fileName).withStroke(stroke), description);
    }

    /** Picks another of the decoder's proposals (Tab). */
    public void chooseAlternative(String fileName, int index) {
        Candidate candidate = image(fileName).candidate().orElseThrow(() -> new IllegalStateException("no candidate"));
        changeCandidate(fileName, candidate.withChosenIndex(index), "choose mask " + (index + 1));
    }

    /** Turns an accepted object back into a candidate to re-prompt or paint it; accept replaces the object. */
    public void startEditingObject(String fileName, long objectId) {
        AnnotatedObject object = image(fileName).object(objectId)
                .orElseThrow(() -> new IllegalArgumentException("no object " + objectId + " in " + fileName));
        changeCandidate(fileName, Candidate.editing(object, clockMillis.getAsLong()), "edit object");
    }

    /** Drops the candidate and its prompts (Esc). */
    public void discardCandidate(String fileName) {
        if (image(fileName).candidate().isPresent()) {
            changeCandidate(fileName, null, "discard candidate");
        }
    }

    /**
     * Stores the model's proposals for the candidate of revision {@code revision}: shown when it is still the
     * image's candidate (not undoable: the prompts were), and remembered for undo / redo, which bring back
     * candidates of recent revisions with their proposals (also when the result arrived after the prompts
     * changed again). Returns false when the candidate on screen is another one.
     */
    public boolean resolveDecode(String fileName, long revision, List<ProposedMask> proposals) {
        if (proposals.isEmpty()) {
            return false;
        }
        decodedProposals.remember(revision, proposals);
        ImageAnnotations image = image(fileName);
        Optional<Candidate> candidate = image.candidate().filter(c -> c.revision() == revision);
        if (candidate.isEmpty()) {
            return false;
        }
        images.put(fileName, image.withCandidate(candidate.get().withProposals(proposals)));
        fire(new ProjectChange(Set.of(fileName), false, false));
        return true;
    }

    // ----- object commands (undoable, saved) -----

    /**
     * Accepts the candidate: a new object with {@code categoryId}, or, when the candidate edits an object,
     * that object with its new mask (keeping its id and category). Empty when there is no non-empty mask.
     */
    public Optional<AnnotatedObject> acceptCandidate(String fileName, int categoryId) {
        ImageAnnotations before = image(fileName);
        Optional<Candidate> candidate = before.candidate();
        if (candidate.isEmpty() || candidate.get().mask().map(m -> m.isEmpty()).orElse(true)) {
            return Optional.empty();
        }
        AnnotatedObject object = buildAccepted(before, candidate.get(), categoryId);
        ImageAnnotations after = before.withObjects(before.objectsWith(object)).withCandidate(null);
        if (candidate.get().suggestionId().isPresent()) {
            after = after.withSuggestions(before.suggestionsWithout(candidate.get().suggestionId().getAsLong()));
        }
        suggestions.markReviewStep(fileName);
        if (after.status() == ImageStatus.NOT_STARTED) {
            after = after.withStatus(ImageStatus.IN_PROGRESS);
        }
        apply(Edit.ofImage(candidate.get().targetObjectId().isPresent() ? "edit object" : "accept object",
                before, after, true));
        return Optional.of(object);
    }

    private AnnotatedObject buildAccepted(ImageAnnotations image, Candidate candidate, int categoryId) {
        double seconds = Math.max(0, clockMillis.getAsLong() - candidate.firstPromptMillis()) / 1000.0;
        OptionalDouble iou = candidate.chosen().map(c -> OptionalDouble.of(c.predictedIou()))
                .orElse(OptionalDouble.empty());
        Optional<AnnotatedObject> edited = candidate.targetObjectId().stream()
                .mapToObj(image::object).flatMap(Optional::stream).findFirst();
        if (edited.isPresent()) {
            AnnotatedObject old = edited.get();
            BitMask mask = candidate.mask().orElseThrow();
            return new AnnotatedObject(old.id(), old.categoryId(), mask, candidate.prompts(),
                    iou.isPresent() ? iou : old.predictedIou(), old.secondsSpent() + seconds,
                    mask.equals(old.mask()) ? old.origin() : old.origin().afterEdit());
        }
        Optional<Suggestion> suggestion = candidate.suggestionId().stream().mapToObj(image::suggestion)
                .flatMap(Optional::stream).findFirst();
        if (suggestion.isPresent()) {
            Suggestion s = suggestion.get();
            return new AnnotatedObject(nextObjectId++, SuggestionEdits.categoryOf(s, categoryId),
                    candidate.mask().orElseThrow(), candidate.prompts(), iou.isPresent() ? iou : s.predictedIou(),
                    seconds, SuggestionEdits.originOf(candidate, s));
        }
        return new AnnotatedObject(nextObjectId++, categoryId, candidate.mask().orElseThrow(), candidate.prompts(),
                iou, seconds, candidate.suggestionId().isPresent() ? ObjectOrigin.SUGGESTED_THEN_EDITED
                        : ObjectOrigin.MANUAL);
    }

    /** Replaces an object's mask by the result of a brush or eraser stroke on it. */
    public void editObjectMask(String fileName, long objectId, MaskEdit stroke, String description) {
        ImageAnnotations before = image(fileName);
        AnnotatedObject object = before.object(objectId)
                .orElseThrow(() -> new IllegalArgumentException("no object " + objectId + " in " + fileName));
        var mask = object.mask().copy();
        stroke.applyTo(mask);
        apply(Edit.ofImage(description, before, before.withObjects(before.objectsWith(object.withMask(mask))), true));
    }

    public void deleteObject(String fileName, long objectId) {
        ImageAnnotations before = image(fileName);
        if (before.object(objectId).isPresent()) {
            apply(Edit.ofImage("delete object", before, before.withObjects(before.objectsWithout(objectId)), true));
        }
    }

    public void setObjectCategory(String fileName, long objectId, int categoryId) {
        requireCategory(categoryId);
        ImageAnnotations before = image(fileName);
        AnnotatedObject object = before.object(objectId)
                .orElseThrow(() -> new IllegalArgumentException("no object " + objectId + " in " + fileName));
        if (object.categoryId() != categoryId) {
            apply(Edit.ofImage("change category", before,
                    before.withObjects(before.objectsWith(object.withCategory(categoryId))), true));
        }
    }

    public void setStatus(String fileName, ImageStatus status) {
        ImageAnnotations before = image(fileName);
        if (before.status() != status) {
            apply(Edit.ofImage("mark " + status.displayName(), before, before.withStatus(status), true));
        }
    }

    // ----- categories (undoable, saved) -----

    public Category addCategory(String name, int rgb) {
        int id = categories.stream().mapToInt(Category::id).max().orElse(0) + 1;
        Category category = new Category(id, name, rgb);
        List<Category> after = new ArrayList<>(categories);
        after.add(category);
        applyCategories("add category " + category.name(), after, Map.of(), Map.of());
        return category;
    }

    public void renameCategory(int id, String name) {
        Category old = requireCategory(id);
        applyCategories("rename category", replaceCategory(old.withName(name)), Map.of(), Map.of());
    }

    public void recolourCategory(int id, int rgb) {
        Category old = requireCategory(id);
        applyCategories("recolour category", replaceCategory(old.withRgb(rgb)), Map.of(), Map.of());
    }

    /** Deletes a category; its objects in every image are deleted or reassigned as {@code deletion} says. */
    public void deleteCategory(int id, CategoryDeletion deletion) {
        Category old = requireCategory(id);
        if (deletion.policy() == CategoryDeletion.Policy.REASSIGN) {
            if (deletion.targetCategoryId() == id) {
                throw new IllegalArgumentException("cannot move objects to the category being deleted");
            }
            requireCategory(deletion.targetCategoryId());
        }
        Map<String, ImageAnnotations> before = new LinkedHashMap<>();
        Map<String, ImageAnnotations> after = new LinkedHashMap<>();
        BulkEdits.deleteCategoryObjects(images.values(), id, deletion, before, after);
        List<Category> remaining = categories.stream().filter(c -> c.id() != id).toList();
        applyCategories("delete category " + old.name(), remaining, before, after);
    }

    /**
     * Adds categories and objects read from a COCO file, as one undoable edit. {@code newCategories} must use
     * ids not yet taken; objects get fresh ids in list order; images with objects become "in progress". An image
     * without a known size takes its objects' mask size; a known size is never changed (callers check it).
     */
    public void importObjects(List<Category> newCategories, Map<String, List<ImportedObject>> objectsByImage) {
        importObjects(newCategories, objectsByImage, Map.of());
    }

    /** Like {@link #importObjects(List, Map)}, also adding suggestions (imported boxes to decode and review). */
    public void importObjects(List<Category> newCategories, Map<String, List<ImportedObject>> objectsByImage,
            Map<String, List<Suggestion>> suggestionsByImage) {
        List<Category> categoriesAfter = new ArrayList<>(categories);
        categoriesAfter.addAll(newCategories);
        Map<String, ImageAnnotations> before = new LinkedHashMap<>();
        Map<String, ImageAnnotations> after = new LinkedHashMap<>();
        objectsByImage.forEach((file, imported) -> {
            if (!imported.isEmpty()) {
                before.put(file, image(file));
                after.put(file, BulkEdits.withImported(image(file), imported, () -> nextObjectId++));
            }
        });
        suggestionsByImage.forEach((file, added) -> {
            if (!added.isEmpty()) {
                before.putIfAbsent(file, image(file));
                after.put(file, SuggestionEdits.withAdded(after.getOrDefault(file, image(file)), added,
                        suggestions::nextId));
            }
        });
        applyCategories("import COCO", categoriesAfter, before, after);
    }

    /** Number of objects of a category over all images (to say what deleting it would do). */
    public long countObjects(int categoryId) {
        return images.values().stream().flatMap(i -> i.objects().stream()).filter(o -> o.categoryId() == categoryId)
                .count();
    }

    // ----- undo -----

    public boolean canUndo() {
        return history.canUndo();
    }

    public boolean canRedo() {
        return history.canRedo();
    }

    public Optional<String> undoDescription() {
        return history.undoDescription();
    }

    public Optional<String> redoDescription() {
        return history.redoDescription();
    }

    /** Undoes the last edit; returns it (its images tell the UI where it happened). */
    public Optional<Edit> undo() {
        Optional<Edit> edit = history.popUndo();
        edit.ifPresent(e -> restore(e.imagesBefore(), e.categoriesBefore(), e));
        return edit;
    }

    public Optional<Edit> redo() {
        Optional<Edit> edit = history.popRedo();
        edit.ifPresent(e -> restore(e.imagesAfter(), e.categoriesAfter(), e));
        return edit;
    }

    // ----- internals -----

    private Candidate candidateOrStart(String fileName) {
        ImageAnnotations image = image(fileName);
        return image.candidate().orElseGet(() -> Candidate.start(image.size()
                .orElseThrow(() -> new IllegalStateException("size of " + fileName + " is not known yet")),
                clockMillis.getAsLong()));
    }

    void changeCandidate(String fileName, Candidate next, String description) {
        ImageAnnotations before = image(fileName);
        apply(Edit.ofImage(description, before, before.withCandidate(next), false));
    }

    Category requireCategory(int id) {
        return category(id).orElseThrow(() -> new IllegalArgumentException("no category with id " + id));
    }

    private List<Category> replaceCategory(Category replacement) {
        return categories.stream().map(c -> c.id() == replacement.id() ? replacement : c).toList();
    }

    private void applyCategories(String description, List<Category> after, Map<String, ImageAnnotations> imagesBefore,
            Map<String, ImageAnnotations> imagesAfter) {
        apply(new Edit(description, imagesBefore, imagesAfter, categories, after, true));
    }

    /** Stores {@code image} and tells the listeners (saved, no undo step: the model's answers, background results). */
    void storeWithoutHistory(String fileName, ImageAnnotations image) {
        images.put(fileName, image);
        fire(new ProjectChange(Set.of(fileName), false, true));
    }

    long takeObjectId() {
        return nextObjectId++;
    }

    void apply(Edit edit) {
        history.record(edit);
        restore(edit.imagesAfter(), edit.categoriesAfter(), edit);
    }

    private void restore(Map<String, ImageAnnotations> state, List<Category> categoryState, Edit edit) {
        state.forEach((file, snapshot) -> {
            Optional<Size> knownSize = image(file).size();
            ImageAnnotations restored = snapshot.size().isEmpty() && knownSize.isPresent()
                    ? snapshot.withSize(knownSize.get()) : snapshot;
            images.put(file, decodedProposals.fillIn(restored));
        });
        if (categoryState != null) {
            categories = categoryState;
        }
        fire(new ProjectChange(state.keySet(), categoryState != null, edit.persistent()));
    }

    private void fire(ProjectChange change) {
        for (ProjectListener listener : listeners) {
            listener.projectChanged(change);
        }
    }
}
