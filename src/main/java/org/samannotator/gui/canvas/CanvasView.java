package org.samannotator.gui.canvas;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.samannotator.core.geometry.Box;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.image.LoadedImage;
import org.samannotator.gui.concurrent.FxUiExecutor;
import org.samannotator.gui.tools.Tool;
import org.samannotator.gui.tools.ToolsViewModel;

/**
 * The image canvas: draws through {@link CanvasPainter} and turns mouse input into view-model calls in
 * image coordinates. Left click = foreground point, right or Shift+click = background point, left drag (or
 * the box tool) = box, Alt+click = select object; brush/eraser drag paints; wheel zooms around the cursor;
 * middle drag or Space+drag pans.
 */
public final class CanvasView extends Region {
    private static final double DRAG_THRESHOLD = 4;

    private final CanvasViewModel vm;
    private final ToolsViewModel tools;
    /** The image (redrawn only when it, the zoom or the pan change) under {@link #canvas} (masks, prompts). */
    private final Canvas photo = new Canvas();
    private final Canvas canvas = new Canvas();
    private final Viewport view = new Viewport();
    private final CanvasPainter painter;
    private final List<ImagePoint> strokePath = new ArrayList<>();
    private boolean spaceDown;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private double mouseX = -1;
    private double mouseY = -1;
    private boolean dragging;
    private boolean panning;
    private boolean needsFit = true;

    public CanvasView(CanvasViewModel vm, ToolsViewModel tools) {
        this.vm = vm;
        this.tools = tools;
        this.painter = new CanvasPainter(vm, tools, new FxUiExecutor(), this::draw);
        getChildren().addAll(photo, canvas);
        getStyleClass().add("image-canvas");
        setMinSize(100, 100);
        setFocusTraversable(true);
        vm.redrawCounterProperty().addListener((obs, old, now) -> draw());
        vm.hoverMaskProperty().addListener((obs, old, now) -> draw());
        vm.imageProperty().addListener((obs, old, now) -> imageChanged(old, now));
        tools.overlayOpacityProperty().addListener((obs, old, now) -> draw());
        tools.showMasksProperty().addListener((obs, old, now) -> draw());
        tools.colourByInstanceProperty().addListener((obs, old, now) -> draw());
        tools.brushRadiusProperty().addListener((obs, old, now) -> draw());
        tools.toolProperty().addListener((obs, old, now) -> updateCursor());
        installMouseHandlers();
        updateCursor();
    }

    /** Space held: drags pan instead of prompting (set by the window's key handler). */
    public void setSpaceDown(boolean down) {
        spaceDown = down;
        updateCursor();
    }

    public void fitToWindow() {
        LoadedImage image = vm.imageProperty().get();
        if (image != null) {
            view.fit(image.originalSize(), getWidth(), getHeight());
            draw();
        }
    }

    public void actualSize() {
        LoadedImage image = vm.imageProperty().get();
        if (image != null) {
            view.actualSize(image.originalSize(), getWidth(), getHeight());
            draw();
        }
    }

    /** Zooms by {@code factor} around the centre (keyboard + and -). */
    public void zoom(double factor) {
        view.zoomAt(factor, getWidth() / 2, getHeight() / 2);
        draw();
    }

    /** The zoom: screen pixels (this node's coordinates) per image pixel. */
    public double zoom() {
        return view.scale();
    }

    /** Decoded full-resolution regions of a huge image now held for display (0 for images read in full). */
    public int detailRegions() {
        return painter.detailRegions();
    }

    /** Screen position (in this node's coordinates) of an image point; used by tests and the bench. */
    public double[] toScreen(ImagePoint p) {
        return new double[] {view.toScreenX(p.x()), view.toScreenY(p.y())};
    }

    private void imageChanged(LoadedImage old, LoadedImage now) {
        if (now != null && (old == null || !old.originalSize().equals(now.originalSize()) || needsFit)) {
            needsFit = getWidth() <= 0;
            view.fit(now.originalSize(), getWidth(), getHeight());
        }
        draw();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            photo.setWidth(w);
            photo.setHeight(h);
            canvas.setWidth(w);
            canvas.setHeight(h);
            if (needsFit && vm.imageProperty().get() != null && w > 0) {
                needsFit = false;
                view.fit(vm.imageProperty().get().originalSize(), w, h);
            }
            draw();
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        painter.paint(photo.getGraphicsContext2D(), g, view, canvas.getWidth(), canvas.getHeight());
        drawInteraction(g);
    }

    private void drawInteraction(GraphicsContext g) {
        if (dragging && isBoxDrag()) {
            ImagePoint a = view.toImage(pressX, pressY);
            ImagePoint b = view.toImage(lastX, lastY);
            CanvasPainter.drawBox(g, view, Box.fromCorners(a, b), Color.WHITE);
        }
        if (tools.tool().paints() && vm.imageProperty().get() != null) {
            double r = tools.brushRadius() * view.scale();
            g.setFill(tools.tool() == Tool.BRUSH ? Color.rgb(255, 255, 0, 0.35) : Color.rgb(255, 255, 255, 0.35));
            for (ImagePoint p : strokePath) {
                g.fillOval(view.toScreenX(p.x()) - r, view.toScreenY(p.y()) - r, 2 * r, 2 * r);
            }
            if (mouseX >= 0) {
                g.setLineWidth(1.5);
                g.setStroke(Color.BLACK);
                g.strokeOval(mouseX - r - 1, mouseY - r - 1, 2 * r + 2, 2 * r + 2);
                g.setStroke(tools.tool() == Tool.BRUSH ? Color.YELLOW : Color.WHITE);
                g.strokeOval(mouseX - r, mouseY - r, 2 * r, 2 * r);
            }
        }
    }

    private boolean isBoxDrag() {
        return !panning && (tools.tool() == Tool.BOX || tools.tool() == Tool.POINT);
    }

    private void installMouseHandlers() {
        setOnMousePressed(this::pressed);
        setOnMouseDragged(this::dragged);
        setOnMouseReleased(this::released);
        setOnMouseMoved(e -> {
            mouseX = e.getX();
            mouseY = e.getY();
            if (vm.imageProperty().get() != null) {
                vm.hover(view.toImage(e.getX(), e.getY()));
            }
            if (tools.tool().paints()) {
                draw();
            }
        });
        setOnMouseExited(e -> {
            mouseX = -1;
            vm.clearHover();
            draw();
        });
        setOnScroll(this::scrolled);
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        pressX = lastX = e.getX();
        pressY = lastY = e.getY();
        dragging = false;
        panning = e.getButton() == MouseButton.MIDDLE || spaceDown;
        strokePath.clear();
        if (!panning && e.getButton() == MouseButton.PRIMARY && tools.tool().paints()) {
            strokePath.add(view.toImage(e.getX(), e.getY()));
            draw();
        }
    }

    private void dragged(MouseEvent e) {
        if (!dragging && Math.hypot(e.getX() - pressX, e.getY() - pressY) >= DRAG_THRESHOLD) {
            dragging = true;
        }
        if (panning) {
            view.pan(e.getX() - lastX, e.getY() - lastY);
        } else if (tools.tool().paints() && e.getButton() == MouseButton.PRIMARY) {
            strokePath.add(view.toImage(e.getX(), e.getY()));
        }
        lastX = e.getX();
        lastY = e.getY();
        mouseX = lastX;
        mouseY = lastY;
        draw();
    }

    private void released(MouseEvent e) {
        lastX = e.getX();
        lastY = e.getY();
        ImagePoint p = view.toImage(e.getX(), e.getY());
        boolean wasDragging = dragging;
        dragging = false;
        if (panning) {
            panning = false;
        } else if (tools.tool().paints() && e.getButton() == MouseButton.PRIMARY) {
            List<ImagePoint> stroke = List.copyOf(strokePath);
            strokePath.clear();
            vm.paint(stroke, tools.tool() == Tool.ERASER);
        } else if (wasDragging && e.getButton() == MouseButton.PRIMARY && isBoxDrag()) {
            vm.box(Box.fromCorners(view.toImage(pressX, pressY), p));
        } else if (!wasDragging) {
            click(e, p); // the session's change redraws: one draw before the decode, one after
            return;
        }
        draw();
    }

    private void click(MouseEvent e, ImagePoint p) {
        if (e.isAltDown()) {
            vm.selectAt(p);
        } else if (tools.tool() == Tool.POINT || tools.tool() == Tool.BOX) {
            boolean background = e.getButton() == MouseButton.SECONDARY || e.isShiftDown();
            if (e.getButton() == MouseButton.PRIMARY || e.getButton() == MouseButton.SECONDARY) {
                vm.click(p, background, (CanvasPainter.MARKER_RADIUS + 2) / view.scale());
            }
        }
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() != 0 && vm.imageProperty().get() != null) {
            view.zoomAt(Math.pow(1.0025, e.getDeltaY()), e.getX(), e.getY());
            draw();
        }
    }

    private void updateCursor() {
        setCursor(spaceDown ? Cursor.OPEN_HAND : tools.tool().paints() ? Cursor.NONE : Cursor.CROSSHAIR);
    }
}
