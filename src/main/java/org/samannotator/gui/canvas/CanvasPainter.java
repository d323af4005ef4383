package org.samannotator.gui.canvas;

import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.samannotator.core.annotation.Candidate;
import org.samannotator.core.geometry.Box;
import org.samannotator.core.image.LoadedImage;
import org.samannotator.core.prompt.PointLabel;
import org.samannotator.core.prompt.PromptPoint;
import org.samannotator.gui.tools.ToolsViewModel;

/**
 * Draws the canvas: the photo ({@link PhotoLayer}: the image, or for a huge image its overview with detail
 * decoded for the view), accepted objects and suggestions ({@link MaskSurface}: at image resolution, rebuilt
 * only when they change; at screen resolution for huge images), the candidate and hover masks (at screen
 * resolution, sampled from the decoder's logits: {@link ScreenMaskLayer}), then prompt markers and the box in
 * screen space so they stay sharp at any zoom and on HiDPI screens. Coordinates: ORIGINAL image pixels,
 * mapped to the canvas by the {@link Viewport}.
 */
final class CanvasPainter {
    static final double MARKER_RADIUS = 6;
    private static final Color FOREGROUND = Color.web("#2ecc40");
    private static final Color BACKGROUND = Color.web("#ff4136");
    /** The candidate is drawn in one fixed colour (blue fill, yellow outline) so it stands out from objects. */
    private static final int CANDIDATE_RGB = 0x1e90ff;

    private final CanvasViewModel vm;
    private final ToolsViewModel tools;
    private final PhotoLayer photoLayer;
    private final ObjectPaints objectPaints;
    private LoadedImage shownImage;
    private MaskSurface objectsSurface;
    private SuggestionLayer suggestionLayer;
    private final ScreenMaskLayer candidateLayer = new ScreenMaskLayer();
    private final ScreenMaskLayer hoverLayer = new ScreenMaskLayer();

    /** {@code ui} runs background results (the FX thread); {@code repaint} redraws the canvas. */
    CanvasPainter(CanvasViewModel vm, ToolsViewModel tools, Executor ui, Runnable repaint) {
        this.vm = vm;
        this.tools = tools;
        this.photoLayer = new PhotoLayer(ui, repaint);
        this.objectPaints = new ObjectPaints(vm, tools);
    }

    /**
     * Paints the canvas into two stacked canvases: {@code photo} (background and image) and {@code overlay}
     * (masks and prompts over a transparent background). The photo is redrawn only when the image, zoom,
     * pan, size or decoded detail changed: resampling a large image is the most expensive draw, and a prompt
     * or mask change does not need it.
     */
    void paint(GraphicsContext photo, GraphicsContext overlay, Viewport view, double width, double height) {
        LoadedImage image = vm.imageProperty().get();
        if (image != shownImage) {
            shownImage = image;
            objectsSurface = image == null ? null : MaskSurface.forImage(image.originalSize(), image.isReduced());
            suggestionLayer = image == null ? null
                    : new SuggestionLayer(MaskSurface.forImage(image.originalSize(), image.isReduced()));
        }
        photoLayer.paint(photo, image, view, width, height);
        overlay.clearRect(0, 0, width, height);
        if (image == null) {
            return;
        }
        if (tools.showMasksProperty().get()) {
            int outline = outlineWidth(view);
            objectsSurface.draw(overlay, objectPaints.key(outline), () -> objectPaints.paints(image, outline), view,
                    width, height);
            suggestionLayer.draw(overlay, view, width, height, vm.current().suggestions(),
                    vm.selectedSuggestion().orElse(null), editedSuggestion(), outline, image.originalSize());
        }
        overlay.setImageSmoothing(true);
        SuggestionLayer.drawPendingBoxes(overlay, view, vm.current().suggestions());
        double candidateOpacity = Math.max(0.35, tools.overlayOpacityProperty().get());
        candidateLayer.draw(overlay, vm.candidate().flatMap(Candidate::view).orElse(null), view, width, height,
                MaskLayer.argb(CANDIDATE_RGB, candidateOpacity), 0xFFFFFF00);
        hoverLayer.draw(overlay, vm.hoverMaskProperty().get(), view, width, height, 0x5500BFFF, 0xCC00BFFF);
        vm.candidate().ifPresent(c -> drawPrompts(overlay, view, c));
    }

    private Long editedSuggestion() {
        return vm.candidate().flatMap(c -> c.suggestionId().isPresent() ? Optional.of(c.suggestionId().getAsLong())
                : Optional.<Long>empty()).orElse(null);
    }

    /** Outline width in image pixels: 1 when zoomed in (a pixel is big enough), else 2. */
    private static int outlineWidth(Viewport view) {
        return view.scale() >= 2 ? 1 : 2;
    }

    /** Decoded detail regions of a huge image now held (0 for images read in full). */
    int detailRegions() {
        return photoLayer.detailRegions();
    }

    private void drawPrompts(GraphicsContext g, Viewport view, Candidate candidate) {
        candidate.prompts().box().ifPresent(box -> drawBox(g, view, box, Color.YELLOW));
        for (PromptPoint p : candidate.prompts().points()) {
            double sx = view.toScreenX(p.position().x());
            double sy = view.toScreenY(p.position().y());
            g.setFill(p.label() == PointLabel.FOREGROUND ? FOREGROUND : BACKGROUND);
            g.fillOval(sx - MARKER_RADIUS, sy - MARKER_RADIUS, 2 * MARKER_RADIUS, 2 * MARKER_RADIUS);
            g.setStroke(Color.WHITE);
            g.setLineWidth(2);
            g.strokeOval(sx - MARKER_RADIUS, sy - MARKER_RADIUS, 2 * MARKER_RADIUS, 2 * MARKER_RADIUS);
            g.setStroke(Color.WHITE);
            g.setLineWidth(2);
            double arm = MARKER_RADIUS - 2.5;
            g.strokeLine(sx - arm, sy, sx + arm, sy);
            if (p.label() == PointLabel.FOREGROUND) {
                g.strokeLine(sx, sy - arm, sx, sy + arm);
            }
        }
    }

    static void drawBox(GraphicsContext g, Viewport view, Box box, Color colour) {
        double x0 = view.toScreenX(box.x0());
        double y0 = view.toScreenY(box.y0());
        double x1 = view.toScreenX(box.x1());
        double y1 = view.toScreenY(box.y1());
        g.setLineWidth(1.5);
        g.setStroke(Color.BLACK);
        g.strokeRect(x0 + 1, y0 + 1, x1 - x0, y1 - y0);
        g.setStroke(colour);
        g.setLineDashes(6, 4);
        g.strokeRect(x0, y0, x1 - x0, y1 - y0);
        g.setLineDashes();
    }
}
