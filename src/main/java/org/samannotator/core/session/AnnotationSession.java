package org.samannotator.core.session;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.samannotator.core.annotation.AnnotationProject;
import org.samannotator.core.annotation.Candidate;
import org.samannotator.core.annotation.FolderLock;
import org.samannotator.core.annotation.ImageAnnotations;
import org.samannotator.core.annotation.ProjectAutosaver;
import org.samannotator.core.annotation.ProjectChange;
import org.samannotator.core.annotation.SaveStatus;
import org.samannotator.core.embedding.EmbeddingCache;
import org.samannotator.core.geometry.Box;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.image.LoadedImage;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.mask.MaskView;
import org.samannotator.core.segment.ObjectProposer;
import org.samannotator.core.segment.SegmenterSource;

/**
 * One annotation session, UI-free: the open folder (its images, its project, the folder lock and the
 * autosaver), the current image and its encoding, the candidate loop (prompts -> decode -> candidate ->
 * accept), the selection, and the model behind it all ({@link SegmenterWorker}). Views bind to it through
 * {@link SessionListener}s and call its commands.
 *
 * <p>Confined to one thread, the session thread (the JavaFX thread in the app; the test thread in tests):
 * every command is called there, and background results come back through {@code sessionThread}.
 * Coordinates are ORIGINAL image pixels (x right, y down).
 */
public final class AnnotationSession implements AutoCloseable {
    /** Images pre-encoded after the current one. */
    public static final int PRE_ENCODE_COUNT = 3;

    private final Executor sessionThread;
    private final SegmenterWorker worker;
    private final SessionEvents events = new SessionEvents();
    private final ObjectSelection selection;
    private final SessionStatus status;
    private final SessionSuggestions suggestions;
    private final BoxSuggestionDecodes boxDecodes;
    private final FolderOpener opener;
    /** The damaged project-file entries already shown to the user in the open folder. */
    private final java.util.Set<String> alerted = new java.util.HashSet<>();
    private OpenFolder open;
    private ImageSession image;
    private int currentCategoryId;
    private Supplier<List<String>> upcoming = List::of;
    private boolean closed;

    /** {@code cache} may be null (no on-disk embedding cache); without a proposer there is no pre-annotation. */
    public AnnotationSession(SegmenterSource segmenter, EmbeddingCache cache, Executor sessionThread) {
        this(segmenter, cache, sessionThread, null);
    }

    /** {@code proposer} finds the objects of an image for pre-annotation (null: not available). */
    public AnnotationSession(SegmenterSource segmenter, EmbeddingCache cache, Executor sessionThread,
            ObjectProposer proposer) {
        this.sessionThread = sessionThread;
        this.status = new SessionStatus(events);
        this.opener = new FolderOpener(sessionThread, status, () -> open, this::replaceFolder);
        this.selection = new ObjectSelection(events, () -> current().objects());
        this.worker = new SegmenterWorker(segmenter, cache,
                s -> sessionThread.execute(() -> status.model(s)));
        Preannotator preannotator = proposer == null ? null : new Preannotator(worker, proposer);
        this.suggestions = new SessionSuggestions(this, preannotator,
                preannotator == null ? null : new Preannotations(preannotator, sessionThread, status));
        this.boxDecodes = new BoxSuggestionDecodes(worker, sessionThread);
    }

    /** Pre-annotation (Image > Pre-annotate, Pre-annotate folder) and the review of suggestions. */
    public SessionSuggestions suggestions() {
        return suggestions;
    }

    public void addListener(SessionListener listener) {
        events.add(listener);
    }

    // ----- folder -----

    /**
     * Opens a folder now: lists its images, locks it against other windows and restores its project (the
     * start image is opened by {@link #openStartImage}). {@code savedBeforeLeaving} is asked, once the new
     * folder could be read, whether the folder open now may be left (its unsaved changes saved); when it
     * says no nothing changes. The app reads folders in the background instead ({@link #openFolderInBackground}).
     */
    public FolderOutcome openFolder(Path path, Optional<String> startImage, BooleanSupplier savedBeforeLeaving) {
        return opener.open(path, savedBeforeLeaving);
    }

    /**
     * As {@link #openFolder}, but the folder is read on a background thread while the folder open now stays
     * usable; {@code done} gets the outcome on the session thread. Only the latest request is carried out: a
     * request replaced by a later one ends without calling {@code done}, and one for the folder being read
     * already is ignored. Reopening the open folder is done at once (its pending save is written first).
     */
    public void openFolderInBackground(Path path, BooleanSupplier savedBeforeLeaving, Consumer<FolderOutcome> done) {
        opener.openInBackground(path, savedBeforeLeaving, done);
    }

    /** The folder being read by {@link #openFolderInBackground}, if any. */
    public Optional<Path> openingFolder() {
        return opener.reading();
    }

    /** Leaves the folder open now for {@code opening} (read with {@code heldLock}), if {@code savedBeforeLeaving}. */
    private FolderOutcome replaceFolder(FolderOpening opening, FolderLock heldLock, BooleanSupplier savedBeforeLeaving) {
        if (!savedBeforeLeaving.getAsBoolean()) {
            opening.releaseLockUnless(heldLock);
            return new FolderOutcome(false, Optional.empty());
        }
        long showing = System.nanoTime();
        closeFolder(heldLock);
        show(opening);
        opening.logOpened(System.nanoTime() - showing);
        return new FolderOutcome(true, opening.loaded().warning());
    }

    private void show(FolderOpening opening) {
        open = OpenFolder.start(opening, this::projectChanged, save -> sessionThread.execute(() -> status.save(save)));
        status.save(SaveStatus.saved());
        currentCategoryId = open.project().categories().get(0).id();
        events.fire(SessionChange.FOLDER);
        events.fire(SessionChange.CURRENT_CATEGORY);
        events.fire(SessionChange.HISTORY);
    }

    /** Opens the image to start on: {@code preferred} when in the folder, else the project's, else the first not done. */
    public void openStartImage(Optional<String> preferred, Supplier<Optional<String>> firstNotDone) {
        if (open == null) {
            return;
        }
        Optional<String> start = preferred.filter(open::contains)
                .or(() -> open.project().currentImage().filter(open::contains)).or(firstNotDone);
        start.ifPresentOrElse(this::openImage, () -> status.message("No images in " + open.folder()));
    }

    private void closeFolder(FolderLock keptLock) {
        suggestions.cancelPreannotation();
        worker.cancelImage();
        closeImage();
        selection.reset();
        alerted.clear();
        if (open != null) {
            open.close(keptLock);
            open = null;
        }
    }

    public Optional<Path> folder() {
        return Optional.ofNullable(open).map(OpenFolder::folder);
    }

    /** The folder's image files (names relative to the folder, natural order); empty when none is open. */
    public List<String> files() {
        return open == null ? List.of() : open.files();
    }

    public Optional<AnnotationProject> project() {
        return Optional.ofNullable(open).map(OpenFolder::project);
    }

    /** The open folder's autosaver (for saving before leaving it), if a folder is open. */
    public Optional<ProjectAutosaver> autosaver() {
        return Optional.ofNullable(open).map(OpenFolder::autosaver);
    }

    /** Where pre-encoding goes after the current image: the next few names of the user's (filtered) list. */
    public void setUpcomingImages(Supplier<List<String>> next) {
        upcoming = next;
    }

    private void projectChanged(ProjectChange change) {
        events.fire(change);
        events.fire(SessionChange.HISTORY);
        if (change.categories() || image != null && change.images().contains(image.file())) {
            decodePendingBoxes();
            events.fire(SessionChange.ANNOTATIONS);
        }
    }

    private void decodePendingBoxes() {
        if (image != null && open != null && image.state() == ImageState.READY) {
            boxDecodes.decodePending(open.project(), image.file());
        }
    }

    // ----- the current image -----

    /** Opens an image of the folder: shown when read, prompts work once its encoding is ready. */
    public void openImage(String fileName) {
        if (open == null || image != null && fileName.equals(image.file()) || heldUntilAccepted(() -> openImage(fileName))) {
            return;
        }
        closeImage();
        selection.select(null);
        open.project().setCurrentImage(fileName);
        image = new ImageSession(fileName, open.folder(), open.project(), worker, sessionThread, events, selection,
                status::message);
        alertOnce(open.project().image(fileName).readProblem()); // reads its objects before anyone shows them
        events.fire(SessionChange.IMAGE);
        events.fire(SessionChange.IMAGE_STATE);
        image.open(() -> {
            worker.preEncode(upcoming.get().stream().map(open.folder()::resolve).toList());
            decodePendingBoxes();
        });
    }

    /** Shows a damaged project-file entry once per image and folder (it stays damaged until the image is edited). */
    private void alertOnce(Optional<String> problem) {
        if (problem.isPresent() && alerted.add(problem.get())) {
            status.alert(problem.get());
        }
    }

    private void closeImage() {
        if (image != null) {
            image.close();
            image = null;
            events.fire(SessionChange.IMAGE);
            events.fire(SessionChange.IMAGE_STATE);
        }
    }

    /** Closing the whole session tells no listener (it may be called from any thread, e.g. at shutdown). */
    private void closeQuietly() {
        if (image != null) {
            image.close();
            image = null;
        }
        if (open != null) {
            open.close(null);
            open = null;
        }
    }

    public Optional<String> currentFile() {
        return Optional.ofNullable(image).map(ImageSession::file);
    }

    /**
     * The current image as shown: its pixels (full resolution, or a subsampled overview of a huge image, see
     * {@link LoadedImage#isReduced()}) and its original size, the frame of prompts and masks.
     */
    public Optional<LoadedImage> displayImage() {
        return Optional.ofNullable(image).flatMap(ImageSession::display);
    }

    public ImageState imageState() {
        return image == null ? ImageState.NONE : image.state();
    }

    /** The current image's annotations (an empty value when no image is open). */
    public ImageAnnotations current() {
        return image == null ? ImageAnnotations.empty("") : image.annotations();
    }

    public Optional<Candidate> candidate() {
        return image == null ? Optional.empty() : image.candidate();
    }

    public Optional<MaskView> hoverMask() {
        return Optional.ofNullable(image).flatMap(ImageSession::hoverMask);
    }

    /** The last decoder run's time in milliseconds (NaN before the first). */
    public double lastDecodeMillis() {
        return image == null ? Double.NaN : image.lastDecodeMillis();
    }

    public SessionStatus status() {
        return status;
    }

    // ----- commands on the current image -----

    /** A point click: removes the marker within {@code tolerance} pixels, else adds a point. */
    public void click(ImagePoint p, boolean background, double tolerance) {
        ifImage(i -> i.click(p, background, tolerance));
    }

    public void box(Box dragged) {
        ifImage(i -> i.box(dragged));
    }

    public void hover(ImagePoint p) {
        ifImage(i -> i.hover(p));
    }

    public void clearHover() {
        ifImage(ImageSession::clearHover);
    }

    /** Tab: the next of the model's proposals (whole / part / subpart). */
    public void cycleAlternative() {
        ifImage(i -> i.prompts().ifPresent(PromptLoop::cycleAlternative));
    }

    /** A brush or eraser stroke of {@code radius} pixels along {@code path} (a selected suggestion becomes the candidate first). */
    public void paint(List<ImagePoint> path, double radius, boolean erase) {
        if (candidate().isEmpty() && imageState() == ImageState.READY) {
            review().ifPresent(SuggestionReview::editSelected);
        }
        ifImage(i -> i.paint(path, radius, erase));
    }

    /** The review of the current image's suggestions (empty without an image). */
    Optional<SuggestionReview> review() {
        return image == null || open == null ? Optional.empty()
                : Optional.of(new SuggestionReview(open.project(), image.file(), selection, status::message));
    }

    /** Enter: accepts the candidate with the current category (after its pending decode, if any), else the selected suggestion. */
    public void accept() {
        if (candidate().isEmpty() && selection.selectedSuggestionId().isPresent()) {
            suggestions.accept();
            return;
        }
        ifImage(i -> i.prompts().ifPresent(loop -> loop.accept(currentCategoryId)));
    }

    /**
     * Accepts the candidate, if there is one, then runs {@code next} (Ctrl+Enter). When the candidate
     * cannot be accepted (no category, decoder failed, empty mask) {@code next} does not run and the
     * message says why.
     */
    public void acceptThen(Runnable next) {
        Optional<PromptLoop> loop = Optional.ofNullable(image).flatMap(ImageSession::prompts);
        loop.ifPresentOrElse(l -> l.acceptThen(currentCategoryId, next), next);
    }

    public void discard() {
        ifImage(ImageSession::discard);
    }

    /** Ctrl+E: the selected suggestion or object becomes the candidate (re-prompt, brush, eraser). */
    public void editSelected() {
        if (candidate().isEmpty() && review().map(SuggestionReview::editSelected).orElse(false)) {
            return;
        }
        ifImage(ImageSession::editSelected);
    }

    public void deleteSelected() {
        ifImage(ImageSession::deleteSelected);
    }

    boolean heldUntilAccepted(Runnable action) {
        return image != null && image.prompts().map(l -> l.heldUntilAccepted(action)).orElse(false);
    }

    private void ifImage(java.util.function.Consumer<ImageSession> action) {
        if (image != null) {
            action.accept(image);
        }
    }

    // ----- selection, category -----

    /** The selected object and the hidden objects of the current image. */
    public ObjectSelection selection() {
        return selection;
    }

    public int currentCategoryId() {
        return currentCategoryId;
    }

    public void setCurrentCategory(int categoryId) {
        if (categoryId != currentCategoryId) {
            currentCategoryId = categoryId;
            events.fire(SessionChange.CURRENT_CATEGORY);
        }
    }

    // ----- undo -----

    public void undo() {
        project().flatMap(AnnotationProject::undo).ifPresent(e -> afterHistoryStep(e.singleImage()));
    }

    public void redo() {
        project().flatMap(AnnotationProject::redo).ifPresent(e -> afterHistoryStep(e.singleImage()));
    }

    private void afterHistoryStep(String editedImage) {
        selection.selectedSuggestionId().filter(id -> current().suggestion(id).isEmpty())
                .ifPresent(id -> selection.selectSuggestion(null));
        if (editedImage != null && !currentFile().map(editedImage::equals).orElse(false)) {
            openImage(editedImage);
        } else {
            ifImage(ImageSession::afterHistoryStep);
        }
    }

    // ----- closing -----

    /** Writes any pending save now; an autosave that does not finish in time is reported in the save status. */
    public void flushSaves() {
        autosaver().ifPresent(ProjectAutosaver::flush);
    }

    /** Closes the folder (waiting for its saves, releasing its lock) and the worker (waiting for its threads). */
    @Override
    public void close() {
        opener.close();
        closeQuietly();
        suggestions.close();
        if (!closed) {
            closed = true;
            worker.close();
        }
    }

    /** Closes the folder now and the worker on a background thread, never blocking the calling (UI) thread on the model. */
    public void closeWithoutWaiting() {
        opener.close();
        closeQuietly();
        suggestions.close();
        if (!closed) {
            closed = true;
            Thread closing = DaemonThreads.named("sam-model-close", Thread.NORM_PRIORITY).newThread(worker::close);
            // Not a daemon: the JVM waits for it (at most the worker's 30 s bound) instead of exiting while a
            // model thread is inside ONNX Runtime, which dies with SIGSEGV (seen in the soak harness).
            closing.setDaemon(false);
            closing.start();
        }
    }

}
