package org.samannotator.gui.settings;

import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.samannotator.core.refine.CandidateRule;
import org.samannotator.core.settings.MemorySettings;
import org.samannotator.core.settings.UserSettings;
import org.samannotator.gui.tools.Tool;
import org.samannotator.gui.tools.ToolsViewModel;

/**
 * Edit > Preferences: tools, the per-click levers (each can be switched off; they apply from the next click)
 * and the automatic mask generator's parameters, with "Reset to defaults". Returns the settings to apply, or
 * nothing when cancelled.
 */
public final class PreferencesDialog extends Dialog<UserSettings> {
    private static final ButtonType RESET = new ButtonType("Reset to defaults", ButtonBar.ButtonData.LEFT);

    public PreferencesDialog(Window owner, UserSettings current, Optional<Path> file) {
        PreferencesViewModel vm = new PreferencesViewModel(current);
        initOwner(owner);
        setTitle("Preferences");
        setHeaderText(file.map(f -> "Saved for your user in " + f).orElse("Not saved (no settings folder)"));
        Label error = new Label();
        error.setId("preferences-error");
        error.setStyle("-fx-text-fill: #c0392b;");
        error.textProperty().bind(vm.errorProperty());
        VBox content = new VBox(8, section("Tools", tools(vm)), section("Per-click accuracy levers", levers(vm)),
                section("Segment everything (automatic mask generator)", generator(vm)), section("Memory", memory(vm)),
                error);
        content.setPadding(new Insets(4));
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(RESET, ButtonType.OK, ButtonType.CANCEL);
        Button reset = (Button) getDialogPane().lookupButton(RESET);
        reset.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            vm.resetToDefaults();
        });
        Node ok = getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(vm.errorProperty().isNotEmpty());
        setResultConverter(button -> button == ButtonType.OK ? vm.toSettings(current) : null);
    }

    private static TitledPane section(String title, GridPane grid) {
        TitledPane pane = new TitledPane(title, grid);
        pane.setCollapsible(false);
        return pane;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.setPadding(new Insets(6));
        return grid;
    }

    private static GridPane tools(PreferencesViewModel vm) {
        GridPane grid = grid();
        ChoiceBox<Tool> tool = new ChoiceBox<>();
        tool.getItems().setAll(Tool.values());
        tool.setConverter(converter(Tool::displayName));
        tool.valueProperty().bindBidirectional(vm.toolProperty());
        Slider opacity = new Slider(0, 1, vm.overlayOpacityProperty().get());
        opacity.valueProperty().bindBidirectional(vm.overlayOpacityProperty());
        CheckBox hover = new CheckBox("Hover preview");
        hover.selectedProperty().bindBidirectional(vm.hoverPreviewProperty());
        CheckBox masks = new CheckBox("Show masks");
        masks.selectedProperty().bindBidirectional(vm.showMasksProperty());
        CheckBox instance = new CheckBox("Colour objects by instance (off: by category)");
        instance.setId("preferences-colour-by-instance");
        instance.selectedProperty().bindBidirectional(vm.colourByInstanceProperty());
        grid.addRow(0, new Label("Tool at start"), tool);
        grid.addRow(1, new Label("Brush radius (px)"),
                doubleSpinner(vm.brushRadiusProperty(), ToolsViewModel.MIN_RADIUS, ToolsViewModel.MAX_RADIUS, 1));
        grid.addRow(2, new Label("Mask opacity"), opacity);
        grid.add(new VBox(4, hover, masks, instance), 1, 3);
        return grid;
    }

    private static GridPane levers(PreferencesViewModel vm) {
        GridPane grid = grid();
        ChoiceBox<CandidateRule> rule = new ChoiceBox<>();
        rule.setId("preferences-candidate-rule");
        rule.getItems().setAll(PreferencesViewModel.RULES);
        rule.setConverter(converter(PreferencesViewModel::describe));
        rule.valueProperty().bindBidirectional(vm.candidateRuleProperty());
        CheckBox multimask = new CheckBox("Multimask at later clicks (the mask consistent with the most clicks)");
        multimask.selectedProperty().bindBidirectional(vm.multimaskAtLaterClicksProperty());
        CheckBox cleanup = new CheckBox("Click-consistent cleanup (about 100 ms more on 12 MP images)");
        cleanup.selectedProperty().bindBidirectional(vm.cleanupProperty());
        CheckBox refine = new CheckBox("Refinement pass (a second decoder run per click)");
        refine.selectedProperty().bindBidirectional(vm.refinePassProperty());
        grid.addRow(0, new Label("Mask after one click"), rule);
        grid.add(new VBox(4, multimask, cleanup, refine,
                new Label("Tab still cycles the model's candidates. Changes apply from the next click.")), 1, 1);
        return grid;
    }

    private static GridPane generator(PreferencesViewModel vm) {
        GridPane grid = grid();
        grid.addRow(0, new Label("Points per side"), intSpinner(vm.pointsPerSideProperty(), 1, 128),
                new Label("Crop layers"), intSpinner(vm.cropLayersProperty(), 0, 4));
        grid.addRow(1, new Label("Predicted IoU >"), doubleSpinner(vm.predIouProperty(), 0, 1, 0.01),
                new Label("Stability >="), doubleSpinner(vm.stabilityProperty(), 0, 1, 0.01));
        grid.addRow(2, new Label("Box NMS"), doubleSpinner(vm.nmsProperty(), 0.05, 1, 0.05),
                new Label("Min region (px)"), intSpinner(vm.minRegionProperty(), 0, 1_000_000));
        return grid;
    }

    private static GridPane memory(PreferencesViewModel vm) {
        GridPane grid = grid();
        grid.addRow(0, new Label("Decoded masks in RAM (MB)"), intSpinner(vm.decodedMasksMbProperty(),
                MemorySettings.MIN_MB, MemorySettings.MAX_MB));
        grid.addRow(1, new Label("Embedding cache on disk (MB)"), intSpinner(vm.embeddingCacheMbProperty(),
                MemorySettings.MIN_MB, MemorySettings.MAX_MB));
        grid.add(new Label("Objects are kept compressed; masks beyond the first bound are decoded again when shown."),
                0, 2, 2, 1);
        return grid;
    }

    private static Spinner<Double> doubleSpinner(DoubleProperty value, double min, double max, double step) {
        SpinnerValueFactory.DoubleSpinnerValueFactory factory =
                new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, value.get(), step);
        Spinner<Double> spinner = new Spinner<>(factory);
        spinner.setEditable(true);
        spinner.setPrefWidth(100);
        factory.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                value.set(now);
            }
        });
        value.addListener((obs, old, now) -> factory.setValue(now.doubleValue()));
        return spinner;
    }

    private static Spinner<Integer> intSpinner(IntegerProperty value, int min, int max) {
        SpinnerValueFactory.IntegerSpinnerValueFactory factory =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value.get());
        Spinner<Integer> spinner = new Spinner<>(factory);
        spinner.setEditable(true);
        spinner.setPrefWidth(100);
        factory.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                value.set(now);
            }
        });
        value.addListener((obs, old, now) -> factory.setValue(now.intValue()));
        return spinner;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
