package org.samannotator.gui.canvas;

import java.util.List;
import java.util.Optional;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.samannotator.core.annotation.AnnotatedObject;
import org.samannotator.core.annotation.AnnotationProject;
import org.samannotator.core.annotation.Candidate;
import org.samannotator.core.annotation.Category;
import org.samannotator.core.geometry.Box;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.mask.PixelRect;
import org.samannotator.core.prompt.PointLabel;
import org.samannotator.core.prompt.PromptPoint;
import org.samannotator.gui.tools.ToolsViewModel;

/**
 * Draws the canvas: the image, accepted objects (one overlay layer at image resolution, rebuilt only when
 * they change), the candidate and hover masks (at screen resolution, sampled from the decoder's logits:
 * {@link ScreenMaskLayer}), then prompt markers and the box in screen space so they stay
 * sharp at any zoom and on HiDPI screens.
 */
final class CanvasPainter {
    static final double MARKER_RADIUS = 6;
    private static final Color FOREGROUND = Color.web("#2ecc40");
    private static final Color BACKGROUND = Color.web("#ff4136");
    /** The candidate is drawn in one fixed colour (blue fill, yellow outline) so it stands out from objects. */
    private static final int CANDIDATE_RGB = 0x1e90ff;

    private final CanvasViewModel vm;
    private final ToolsViewModel tools;
    private RgbImage shownImage;
    private WritableImage fxImage;
    private MaskLayer objectsLayer;
    private final ScreenMaskLayer candidateLayer = new ScreenMaskLayer();
    private final ScreenMaskLayer hoverLayer = new ScreenMaskLayer();
    private Object objectsKey;
    private PhotoState shownPhoto;

    CanvasPainter(CanvasViewModel vm, ToolsViewModel tools) {
        this.vm = vm;
        this.tools = tools;
    }

    /**
     * Paints the canvas into two stacked canvases: {@code photo} (background and image) and {@code overlay}
     * (masks and prompts over a transparent background). The photo is redrawn only when the image, zoom,
     * pan or size changed: resampling a large image is the most expensive draw, and a prompt or mask change
     * does not need it.
     */
    void paint(GraphicsContext photo, GraphicsContext overlay, Viewport view, double width, double height) {
        RgbImage image = vm.imageProperty().get();
        if (image != null) {
            syncImage(image);
        }
        paintPhoto(photo, image, view, width, height);
        overlay.clearRect(0, 0, width, height);
        if (image == null) {
            return;
        }
        // Smooth when zoomed out; nearest-neighbour when zoomed in, so single pixels stay visible and exact.
        overlay.setImageSmoothing(view.scale() < 1);
        if (tools.showMasksProperty().get()) {
            updateObjectsLayer(outlineWidth(view));
            drawLayer(overlay, objectsLayer, view);
        }
        overlay.setImageSmoothing(true);
        double candidateOpacity = Math.max(0.35, tools.overlayOpacityProperty().get());
        candidateLayer.draw(overlay, vm.candidate().flatMap(Candidate::view).orElse(null), view, width, height,
                MaskLayer.argb(CANDIDATE_RGB, candidateOpacity), 0xFFFFFF00);
        hoverLayer.draw(overlay, vm.hoverMaskProperty().get(), view, width, height, 0x5500BFFF, 0xCC00BFFF);
        vm.candidate().ifPresent(c -> drawPrompts(overlay, view, c));
    }

    /** What the photo canvas shows (the image by identity, never by pixels): redrawn only when this changes. */
    private record PhotoState(RgbImage image, double scale, double tx, double ty, double width, double height) {
        boolean sameAs(PhotoState other) {
            return other != null && image == other.image && scale == other.scale && tx == other.tx
                    && ty == other.ty && width == other.width && height == other.height;
        }
    }

    private void paintPhoto(GraphicsContext g, RgbImage image, Viewport view, double width, double height) {
        PhotoState state = new PhotoState(image, view.scale(), view.tx(), view.ty(), width, height);
        if (state.sameAs(shownPhoto)) {
            return;
        }
        shownPhoto = state;
        g.setFill(Color.web("#2b2b2b"));
        g.fillRect(0, 0, width, height);
        if (image != null) {
            g.setImageSmoothing(view.scale() < 1);
            g.drawImage(fxImage, view.tx(), view.ty(), image.width() * view.scale(), image.height() * view.scale());
            g.setImageSmoothing(true);
        }
    }

    /**
     * Draws only the part of {@code layer} that has content, plus one transparent pixel around it (so
     * smoothing at its edge blends to transparent exactly as when drawing the whole layer).
     */
    private static void drawLayer(GraphicsContext g, MaskLayer layer, Viewport view) {
        PixelRect content = layer.contentBounds().orElse(null);
        if (content == null) {
            return;
        }
        int x0 = Math.max(0, content.x() - 1);
        int y0 = Math.max(0, content.y() - 1);
        int x1 = Math.min(layer.size().width(), content.x() + content.width() + 1);
        int y1 = Math.min(layer.size().height(), content.y() + content.height() + 1);
        double s = view.scale();
        g.drawImage(layer.image(), x0, y0, x1 - x0, y1 - y0, view.toScreenX(x0), view.toScreenY(y0), (x1 - x0) * s,
                (y1 - y0) * s);
    }

    private void syncImage(RgbImage image) {
        if (image == shownImage) {
            return;
        }
        shownImage = image;
        fxImage = new WritableImage(image.width(), image.height());
        fxImage.getPixelWriter().setPixels(0, 0, image.width(), image.height(), PixelFormat.getIntArgbInstance(),
                image.argb(), 0, image.width());
        objectsLayer = new MaskLayer(image.size());
        objectsKey = null;
    }

    /** Outline width in image pixels: 1 when zoomed in (a pixel is big enough), else 2. */
    private static int outlineWidth(Viewport view) {
        return view.scale() >= 2 ? 1 : 2;
    }

    private void updateObjectsLayer(int outline) {
        AnnotationProject project = vm.project().orElse(null);
        List<AnnotatedObject> objects = vm.current().objects();
        Long selected = vm.selectedObject().orElse(null);
        Long editing = vm.candidate().flatMap(c -> c.targetObjectId().isPresent()
                ? Optional.of(c.targetObjectId().getAsLong()) : Optional.empty()).orElse(null);
        double opacity = tools.overlayOpacityProperty().get();
        List<Boolean> visibility = objects.stream().map(o -> vm.isVisible(o.id())).toList();
        Object key = List.of(objects, project == null ? List.of() : project.categories(), visibility,
                String.valueOf(selected), String.valueOf(editing), opacity, outline);
        if (key.equals(objectsKey) && objectsLayer.size().equals(shownImage.size())) {
            return;
        }
        objectsKey = key;
        objectsLayer.clear();
        for (AnnotatedObject o : objects) {
            if (!vm.isVisible(o.id()) || Long.valueOf(o.id()).equals(editing)
                    || !o.mask().size().equals(shownImage.size())) {
                continue;
            }
            int rgb = project == null ? 0x808080 : project.category(o.categoryId()).map(Category::rgb).orElse(0x808080);
            boolean isSelected = Long.valueOf(o.id()).equals(selected);
            objectsLayer.paint(o.mask(), MaskLayer.argb(rgb, isSelected ? Math.min(1, opacity + 0.25) : opacity),
                    isSelected ? 0xFFFFFFFF : MaskLayer.argb(lighter(rgb), 1), outline);
        }
        objectsLayer.flush();
    }

    /** The colour mixed halfway with white, for outlines that stand out on dark and same-coloured areas. */
    private static int lighter(int rgb) {
        int r = (rgb >> 16 & 255) + 255 >> 1;
        int g = (rgb >> 8 & 255) + 255 >> 1;
        int b = (rgb & 255) + 255 >> 1;
        return r << 16 | g << 8 | b;
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
