package org.samannotator.gui.tools;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Tool settings shared by the canvas and the tools bar: the active tool, the brush radius in ORIGINAL image
 * pixels (clamped to [{@value #MIN_RADIUS}, {@value #MAX_RADIUS}]), the mask overlay opacity in [0, 1],
 * whether accepted masks are shown, whether the hover preview is on, and whether objects are coloured by
 * instance or by category.
 */
public final class ToolsViewModel {
    public static final double MIN_RADIUS = 1;
    public static final double MAX_RADIUS = 500;

    private final ObjectProperty<Tool> tool = new SimpleObjectProperty<>(Tool.POINT);
    private final DoubleProperty brushRadius = new SimpleDoubleProperty(12);
    private final DoubleProperty overlayOpacity = new SimpleDoubleProperty(0.45);
    private final BooleanProperty showMasks = new SimpleBooleanProperty(true);
    private final BooleanProperty hoverPreview = new SimpleBooleanProperty(false);
    private final BooleanProperty colourByInstance = new SimpleBooleanProperty(true);

    public ObjectProperty<Tool> toolProperty() {
        return tool;
    }

    public Tool tool() {
        return tool.get();
    }

    public void selectTool(Tool newTool) {
        tool.set(newTool);
    }

    public DoubleProperty brushRadiusProperty() {
        return brushRadius;
    }

    public double brushRadius() {
        return brushRadius.get();
    }

    /** ] key: radius x 1.25 (at least +1). */
    public void growBrush() {
        setBrushRadius(Math.max(brushRadius() + 1, brushRadius() * 1.25));
    }

    /** [ key: radius / 1.25 (at least -1). */
    public void shrinkBrush() {
        setBrushRadius(Math.min(brushRadius() - 1, brushRadius() / 1.25));
    }

    public void setBrushRadius(double radius) {
        brushRadius.set(Math.round(Math.max(MIN_RADIUS, Math.min(MAX_RADIUS, radius))));
    }

    public DoubleProperty overlayOpacityProperty() {
        return overlayOpacity;
    }

    public BooleanProperty showMasksProperty() {
        return showMasks;
    }

    public BooleanProperty hoverPreviewProperty() {
        return hoverPreview;
    }

    /** Objects drawn each in its own colour (true) or in their category's colour (false); C toggles it. */
    public BooleanProperty colourByInstanceProperty() {
        return colourByInstance;
    }
}
