package org.samannotator.gui.tools;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/** The tools bar: tool buttons, brush radius, overlay opacity, show masks and hover preview toggles. */
public final class ToolsBar extends HBox {
    public ToolsBar(ToolsViewModel vm) {
        super(6);
        setPadding(new Insets(4, 8, 4, 8));
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("tools-bar");
        ToggleGroup group = new ToggleGroup();
        for (Tool tool : Tool.values()) {
            ToggleButton button = new ToggleButton(tool.displayName());
            button.setId("tool-" + tool.name().toLowerCase(java.util.Locale.ROOT));
            button.setTooltip(new Tooltip(tool.displayName() + " (" + tool.shortcut() + ")"));
            button.setToggleGroup(group);
            button.setFocusTraversable(false);
            button.setSelected(vm.tool() == tool);
            button.setOnAction(e -> vm.selectTool(tool));
            vm.toolProperty().addListener((obs, old, now) -> button.setSelected(now == tool));
            getChildren().add(button);
        }
        Label radius = new Label();
        radius.textProperty().bind(Bindings.format("Radius %.0f px", vm.brushRadiusProperty()));
        radius.setMinWidth(90);
        Slider opacity = new Slider(0.1, 1, vm.overlayOpacityProperty().get());
        opacity.setId("opacity-slider");
        opacity.setPrefWidth(110);
        opacity.setFocusTraversable(false);
        opacity.valueProperty().bindBidirectional(vm.overlayOpacityProperty());
        CheckBox showMasks = new CheckBox("Masks");
        showMasks.setFocusTraversable(false);
        showMasks.selectedProperty().bindBidirectional(vm.showMasksProperty());
        showMasks.setTooltip(new Tooltip("Show or hide all masks (M)"));
        CheckBox hover = new CheckBox("Hover preview");
        hover.setFocusTraversable(false);
        hover.selectedProperty().bindBidirectional(vm.hoverPreviewProperty());
        hover.setTooltip(new Tooltip("Preview the mask under the mouse before clicking (H)"));
        getChildren().addAll(new Separator(javafx.geometry.Orientation.VERTICAL), radius,
                new Separator(javafx.geometry.Orientation.VERTICAL), new Label("Opacity"), opacity, showMasks, hover);
    }
}
