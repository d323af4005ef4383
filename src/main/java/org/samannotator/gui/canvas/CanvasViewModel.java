package org.samannotator.gui.canvas;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.samannotator.core.annotation.AnnotationProject;
import org.samannotator.core.annotation.Candidate;
import org.samannotator.core.annotation.ImageAnnotations;
import org.samannotator.core.annotation.ProjectChange;
import org.samannotator.core.annotation.ProjectListener;
import org.samannotator.core.geometry.Box;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.mask.BitMask;
import org.samannotator.gui.engine.ImageCallbacks;
import org.samannotator.gui.engine.ModelWorker;
import org.samannotator.gui.tools.Tool;
import org.samannotator.gui.tools.ToolsViewModel;

/**
 * State and logic of the canvas: the open image, its embedding state, the candidate (prompts, decoded
 * mask, alternatives), the selected object, and every canvas action (click, box, brush, accept, discard,
 * Tab, undo). All coordinates are ORIGINAL image pixels (x right, y down); the view converts from screen.
 * Decoder work goes to the {@link ModelWorker}; results come back on the UI executor. The view redraws
 * when {@link #redrawCounterProperty()} changes. Prompt editing and its decodes are done by a
 * {@code PromptEditor}, accepting the candidate (also while its decode is pending) by a {@code CandidateAcceptor}.
 */
public final class CanvasViewModel {
    private final ModelWorker worker;
    private final ToolsViewModel tools;
    private final HoverPreview hover;
    private final StringProperty currentFile = new SimpleStringProperty();
    private final ObjectProperty<RgbImage> image = new SimpleObjectProperty<>();
    private final ObjectProperty<ImageState> imageState = new SimpleObjectProperty<>(ImageState.NONE);
    private final StringProperty message = new SimpleStringProperty("");
    private final IntegerProperty currentCategoryId = new SimpleIntegerProperty(0);
    private final IntegerProperty redrawCounter = new SimpleIntegerProperty();
    private final StringProperty candidateLabel = new SimpleStringProperty("");
    private final DoubleProperty lastDecodeMillis = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty lastOverlayMillis = new SimpleDoubleProperty(Double.NaN);
    private final ObjectSelection selection = new ObjectSelection(() -> current().objects(), this::redraw);
    private final ClickLatencyMeter latency = new ClickLatencyMeter();
    private AnnotationProject project;
    private Path folder;
    private Supplier<List<Path>> upcomingImages = List::of;
    private final CandidateAcceptor acceptor = new CandidateAcceptor(this);
    private final PromptEditor prompts;
    private final ProjectListener projectListener = this::projectChanged;
    private final StringProperty undoText = new SimpleStringProperty("Undo");
    private final StringProperty redoText = new SimpleStringProperty("Redo");

    public CanvasViewModel(ModelWorker worker, ToolsViewModel tools) {
        this.worker = worker;
        this.tools = tools;
        this.hover = new HoverPreview(worker, currentFile);
        this.prompts = new PromptEditor(this, worker, acceptor);
        tools.hoverPreviewProperty().addListener((obs, was, on) -> clearHover());
    }

    /** Switches to another project (folder); no image is open afterwards. */
    public void setProject(AnnotationProject newProject, Path newFolder) {
        worker.cancelImage();
        cancelPendingAccept();
        clearHover();
        if (project != null) {
            project.removeListener(projectListener);
        }
        project = newProject;
        folder = newFolder;
        acceptor.forgetFailure();
        project.addListener(projectListener);
        selection.reset();
        currentFile.set(null);
        image.set(null);
        imageState.set(ImageState.NONE);
        selection.clear();
        updateCandidateLabel();
        redraw();
    }

    /** Images to pre-encode after the current one is ready (the next few in the folder list). */
    public void setUpcomingImages(Supplier<List<Path>> upcoming) {
        upcomingImages = upcoming;
    }

    public Optional<AnnotationProject> project() {
        return Optional.ofNullable(project);
    }

    // ----- opening images -----

    /** Opens an image of the folder: shows it when read, prompts work once its embedding is ready. */
    public void openImage(String fileName) {
        if (fileName.equals(currentFile.get()) || deferredUntilAccepted(() -> openImage(fileName))) {
            return;
        }
        currentFile.set(fileName);
        project.setCurrentImage(fileName);
        image.set(null);
        selection.clear();
        cancelPendingAccept();
        clearHover();
        imageState.set(ImageState.LOADING);
        updateCandidateLabel();
        message.set("Loading " + fileName + "...");
        worker.openImage(folder.resolve(fileName), new ImageCallbacks() {
            @Override
            public void loaded(RgbImage pixels) {
                imageLoaded(fileName, pixels);
            }

            @Override
            public void ready(boolean fromCache, double encoderMillis) {
                imageState.set(ImageState.READY);
                message.set(fromCache ? "Ready (embedding from cache)"
                        : String.format("Ready (encoded in %.0f ms)", encoderMillis));
                prompts.decodeIfPending();
                worker.preEncode(upcomingImages.get());
            }

            @Override
            public void failed(String reason) {
                imageState.set(image.get() == null ? ImageState.FAILED : ImageState.NO_MODEL);
                message.set(reason);
            }
        });
        redraw();
    }

    private void imageLoaded(String fileName, RgbImage pixels) {
        project.setImageSize(fileName, pixels.size());
        image.set(pixels);
        imageState.set(ImageState.ENCODING);
        message.set("Encoding " + fileName + "...");
        redraw();
    }

    // ----- prompts -----

    /**
     * A click with the point tool at {@code p}: removes the prompt marker within {@code markerTolerance}
     * pixels of it if there is one, else adds a foreground point (background when {@code background}).
     */
    public void click(ImagePoint p, boolean background, double markerTolerance) {
        prompts.click(p, background, markerTolerance);
    }

    /** A box dragged with the box tool (or Ctrl+drag); replaces the candidate's box. */
    public void box(Box dragged) {
        prompts.box(dragged);
    }

    /** Mouse moved over the image with no button down: hover preview (when on and no prompts yet). */
    public void hover(ImagePoint p) {
        boolean allowed = tools.hoverPreviewProperty().get() && prompts.canPrompt() && tools.tool() == Tool.POINT
                && candidate().map(c -> c.prompts().isEmpty()).orElse(true);
        if (allowed) {
            hover.request(p, currentFile.get(), () -> file() != null && tools.hoverPreviewProperty().get()
                    && candidate().map(c -> c.prompts().isEmpty()).orElse(true));
        }
    }

    public void clearHover() {
        hover.clear();
    }

    /** Tab: the next of the decoder's proposals (whole / part / subpart). */
    public void cycleAlternative() {
        prompts.cycleAlternative();
    }

    // ----- brush -----

    /**
     * Applies a brush (or eraser) stroke along {@code path} with the tools' radius: to the selected object
     * when one is selected and no candidate exists, else to the candidate (starting one if needed).
     */
    public void paint(List<ImagePoint> path, boolean erase) {
        if (project == null || image.get() == null || path.isEmpty()
                || deferredUntilAccepted(() -> paint(path, erase))) {
            return;
        }
        BrushMaskEdit stroke = new BrushMaskEdit(path, tools.brushRadius(), erase);
        String what = erase ? "erase" : "brush";
        Long selected = selection.selectedId();
        if (candidate().isEmpty() && selected != null && current().object(selected).isPresent()) {
            project.editObjectMask(file(), selected, stroke, what);
        } else if (!erase || candidate().isPresent()) {
            project.addCandidateStroke(file(), stroke, what);
        } else {
            message.set("Nothing to erase: select an object (Alt+click) or prompt a candidate first");
        }
    }

    // ----- accept, discard, objects -----

    /** Enter: accepts the candidate with the current category (after its pending decode, if any). */
    public void accept() {
        acceptor.accept();
    }

    /**
     * Accepts the candidate, if there is one, and then runs {@code next} (Ctrl+Enter: mark done and go to
     * the next image). An accept still waiting for its decode is awaited first, input meanwhile is held as
     * for clicks. When the candidate cannot be accepted (no category, decoder failed, empty mask),
     * {@code next} does not run and {@link #messageProperty()} says why.
     */
    public void acceptThen(Runnable next) {
        acceptor.acceptThen(next);
    }

    private boolean deferredUntilAccepted(Runnable action) {
        return acceptor.deferredUntilAccepted(action);
    }

    private void cancelPendingAccept() {
        acceptor.cancelPendingAccept();
    }

    /** Esc: drops the candidate and its prompts, or else clears the selection. */
    public void discard() {
        cancelPendingAccept();
        if (candidate().isPresent()) {
            project.discardCandidate(file());
        } else {
            selection.clear();
        }
    }

    /** Re-prompt or repaint the selected object: it becomes the candidate; accepting replaces it. */
    public void editSelected() {
        Long selected = selection.selectedId();
        if (selected != null && candidate().isEmpty()) {
            project.startEditingObject(file(), selected);
        }
    }

    public void deleteSelected() {
        Long selected = selection.selectedId();
        if (selected != null) {
            project.deleteObject(file(), selected);
            selection.clear();
        }
    }

    // ----- undo -----

    public void undo() {
        if (project != null) {
            project.undo().ifPresent(edit -> afterHistoryStep(edit.singleImage()));
        }
    }

    public void redo() {
        if (project != null) {
            project.redo().ifPresent(edit -> afterHistoryStep(edit.singleImage()));
        }
    }

    private void afterHistoryStep(String image) {
        cancelPendingAccept();
        if (image != null && !image.equals(currentFile.get())) {
            openImage(image);
        } else if (imageState.get() == ImageState.READY) {
            prompts.decodeIfPending();
        }
        if (selection.selectedId() != null && current().object(selection.selectedId()).isEmpty()) {
            selection.clear();
        }
    }

    // ----- state for the view -----

    private void projectChanged(ProjectChange change) {
        undoText.set(project.undoDescription().map(d -> "Undo " + d).orElse("Undo"));
        redoText.set(project.redoDescription().map(d -> "Redo " + d).orElse("Redo"));
        if (change.categories() || currentFile.get() != null && change.images().contains(currentFile.get())) {
            updateCandidateLabel();
            redraw();
        }
    }

    private void updateCandidateLabel() {
        candidateLabel.set(candidate().map(CandidateLabel::describe).orElse(""));
    }

    private void redraw() {
        redrawCounter.set(redrawCounter.get() + 1);
    }

    private String file() {
        return currentFile.get();
    }

    /** The current image's annotations (empty when no image is open). */
    public ImageAnnotations current() {
        return project == null || file() == null ? ImageAnnotations.empty("") : project.image(file());
    }

    public Optional<Candidate> candidate() {
        return current().candidate();
    }

    public ReadOnlyStringProperty currentFileProperty() {
        return currentFile;
    }

    public ReadOnlyObjectProperty<RgbImage> imageProperty() {
        return image;
    }

    public ReadOnlyObjectProperty<ImageState> imageStateProperty() {
        return imageState;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** The selected object and hidden objects of the current image. */
    public ObjectSelection selection() {
        return selection;
    }

    public IntegerProperty currentCategoryIdProperty() {
        return currentCategoryId;
    }

    public ReadOnlyIntegerProperty redrawCounterProperty() {
        return redrawCounter;
    }

    public ReadOnlyObjectProperty<BitMask> hoverMaskProperty() {
        return hover.maskProperty();
    }

    /** "Undo add point", "Undo accept object"... for the Edit menu. */
    public ReadOnlyStringProperty undoTextProperty() {
        return undoText;
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText;
    }

    public ReadOnlyStringProperty candidateLabelProperty() {
        return candidateLabel;
    }

    public DoubleProperty lastDecodeMillisProperty() {
        return lastDecodeMillis;
    }

    /** Click-to-overlay latency measurements (mouse release until the new candidate is drawn). */
    public ClickLatencyMeter latency() {
        return latency;
    }

    /**
     * Called by the view once a decoded candidate has been drawn and shown: completes a latency measurement.
     * Ignored when the candidate changed in the meantime (a newer click is still decoding).
     */
    public void candidatePainted() {
        if (candidate().map(c -> c.isDecodePending() || c.prompts().isEmpty()).orElse(true)) {
            return;
        }
        double millis = latency.painted();
        if (!Double.isNaN(millis)) {
            lastOverlayMillis.set(millis);
        }
    }

    /** The last click-to-overlay latency in milliseconds (NaN before the first). */
    public DoubleProperty lastOverlayMillisProperty() {
        return lastOverlayMillis;
    }
}
