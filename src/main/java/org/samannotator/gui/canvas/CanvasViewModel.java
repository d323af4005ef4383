package org.samannotator.gui.canvas;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.samannotator.core.annotation.AnnotationProject;
import org.samannotator.core.annotation.Candidate;
import org.samannotator.core.annotation.ImageAnnotations;
import org.samannotator.core.geometry.Box;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.image.LoadedImage;
import org.samannotator.core.mask.MaskView;
import org.samannotator.core.session.AnnotationSession;
import org.samannotator.core.session.ImageState;
import org.samannotator.core.session.SessionChange;
import org.samannotator.core.session.SessionListener;
import org.samannotator.gui.tools.Tool;
import org.samannotator.gui.tools.ToolsViewModel;

/**
 * The canvas's view model: turns gestures (in ORIGINAL image pixels; the view converts from the screen)
 * into session commands with the tools' settings, and exposes what to draw. It keeps no annotation state
 * of its own: the image, candidate, objects, selection and hover mask are the session's, and
 * {@link #redrawCounterProperty()} ticks when the session says any of them changed.
 */
public final class CanvasViewModel {
    private final AnnotationSession session;
    private final ToolsViewModel tools;
    private final SimpleObjectProperty<LoadedImage> image = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<ImageState> imageState = new SimpleObjectProperty<>(ImageState.NONE);
    private final SimpleObjectProperty<MaskView> hoverMask = new SimpleObjectProperty<>();
    private final SimpleIntegerProperty redrawCounter = new SimpleIntegerProperty();

    public CanvasViewModel(AnnotationSession session, ToolsViewModel tools) {
        this.session = session;
        this.tools = tools;
        session.addListener(new SessionListener() {
            @Override
            public void sessionChanged(SessionChange change) {
                refresh(change);
            }
        });
        tools.hoverPreviewProperty().addListener((obs, was, on) -> session.clearHover());
    }

    private void refresh(SessionChange change) {
        switch (change) {
            case IMAGE, FOLDER -> {
                image.set(session.displayImage().orElse(null));
                redraw();
            }
            case IMAGE_STATE -> imageState.set(session.imageState());
            case ANNOTATIONS, SELECTION -> redraw();
            case HOVER -> hoverMask.set(session.hoverMask().orElse(null));
            default -> { }
        }
    }

    private void redraw() {
        redrawCounter.set(redrawCounter.get() + 1);
    }

    /** A click with the point or box tool: removes the marker within {@code tolerance} pixels, else adds a point. */
    public void click(ImagePoint p, boolean background, double tolerance) {
        session.click(p, background, tolerance);
    }

    /** A dragged box (box tool, or a drag with the point tool). */
    public void box(Box dragged) {
        session.box(dragged);
    }

    /** Mouse moved over the image with no button down: hover preview, when it is on and the point tool is active. */
    public void hover(ImagePoint p) {
        if (tools.hoverPreviewProperty().get() && tools.tool() == Tool.POINT) {
            session.hover(p);
        }
    }

    public void clearHover() {
        session.clearHover();
    }

    /** A brush or eraser stroke along {@code path} with the tools' radius. */
    public void paint(List<ImagePoint> path, boolean erase) {
        session.paint(path, tools.brushRadius(), erase);
    }

    /** Alt+click: selects the object under {@code p}. */
    public void selectAt(ImagePoint p) {
        session.selection().selectAt(p);
    }

    // ----- what to draw -----

    public Optional<AnnotationProject> project() {
        return session.project();
    }

    public ImageAnnotations current() {
        return session.current();
    }

    public Optional<Candidate> candidate() {
        return session.candidate();
    }

    public Optional<Long> selectedObject() {
        return session.selection().selectedId();
    }

    /** The selected suggestion of the current image, if any. */
    public Optional<Long> selectedSuggestion() {
        return session.selection().selectedSuggestionId();
    }

    public boolean isVisible(long objectId) {
        return session.selection().isVisible(objectId);
    }

    /**
     * The image shown: its pixels (full resolution, or a subsampled overview of a huge image, see
     * {@link LoadedImage#isReduced()}) and its original size, the frame of every coordinate here.
     */
    public ReadOnlyObjectProperty<LoadedImage> imageProperty() {
        return image;
    }

    public ReadOnlyObjectProperty<ImageState> imageStateProperty() {
        return imageState;
    }

    public ReadOnlyObjectProperty<MaskView> hoverMaskProperty() {
        return hoverMask;
    }

    /** Ticks whenever the canvas must be redrawn (candidate, objects, selection, image). */
    public ReadOnlyIntegerProperty redrawCounterProperty() {
        return redrawCounter;
    }
}
