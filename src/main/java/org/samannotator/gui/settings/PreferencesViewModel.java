package org.samannotator.gui.settings;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import org.samannotator.core.refine.CandidateRule;
import org.samannotator.core.settings.GeneratorSettings;
import org.samannotator.core.settings.LeverSettings;
import org.samannotator.core.settings.MemorySettings;
import org.samannotator.core.settings.ToolSettings;
import org.samannotator.core.settings.UserSettings;
import org.samannotator.gui.tools.Tool;

/**
 * The form of Edit > Preferences: one property per setting, filled from {@link UserSettings}, checked as the
 * user types ({@link #errorProperty()} names the first bad value, empty when all are valid), reset to the
 * defaults, and turned back into {@link UserSettings} (the window layout is kept as it was).
 */
public final class PreferencesViewModel {
    /** The candidate rules offered (the boundary rule needs the pixels on the model thread). */
    public static final List<CandidateRule> RULES = Arrays.stream(CandidateRule.values())
            .filter(r -> r != CandidateRule.BOUNDARY).toList();

    private final ObjectProperty<Tool> tool = new SimpleObjectProperty<>();
    private final DoubleProperty brushRadius = new SimpleDoubleProperty();
    private final DoubleProperty overlayOpacity = new SimpleDoubleProperty();
    private final BooleanProperty hoverPreview = new SimpleBooleanProperty();
    private final BooleanProperty showMasks = new SimpleBooleanProperty();
    private final BooleanProperty colourByInstance = new SimpleBooleanProperty();
    private final IntegerProperty pointsPerSide = new SimpleIntegerProperty();
    private final DoubleProperty predIou = new SimpleDoubleProperty();
    private final DoubleProperty stability = new SimpleDoubleProperty();
    private final DoubleProperty nms = new SimpleDoubleProperty();
    private final IntegerProperty cropLayers = new SimpleIntegerProperty();
    private final IntegerProperty minRegion = new SimpleIntegerProperty();
    private final ObjectProperty<CandidateRule> candidateRule = new SimpleObjectProperty<>();
    private final BooleanProperty multimaskAtLaterClicks = new SimpleBooleanProperty();
    private final BooleanProperty cleanup = new SimpleBooleanProperty();
    private final BooleanProperty refinePass = new SimpleBooleanProperty();
    private final IntegerProperty decodedMasksMb = new SimpleIntegerProperty();
    private final IntegerProperty embeddingCacheMb = new SimpleIntegerProperty();
    private final StringProperty error = new SimpleStringProperty("");

    public PreferencesViewModel(UserSettings current) {
        show(current);
        ChangeListener<Object> check = (obs, old, now) -> validate();
        for (var p : List.of(pointsPerSide, predIou, stability, nms, cropLayers, minRegion, decodedMasksMb,
                embeddingCacheMb)) {
            p.addListener(check);
        }
        validate();
    }

    private void show(UserSettings settings) {
        ToolSettings t = settings.tools();
        tool.set(toolNamed(t.tool()));
        brushRadius.set(t.brushRadius());
        overlayOpacity.set(t.overlayOpacity());
        hoverPreview.set(t.hoverPreview());
        showMasks.set(t.showMasks());
        colourByInstance.set(t.colourByInstance());
        GeneratorSettings g = settings.generator();
        pointsPerSide.set(g.pointsPerSide());
        predIou.set(g.predIou());
        stability.set(g.stability());
        nms.set(g.nms());
        cropLayers.set(g.cropLayers());
        minRegion.set(g.minRegion());
        LeverSettings l = settings.levers();
        candidateRule.set(l.candidateRule());
        multimaskAtLaterClicks.set(l.multimaskAtLaterClicks());
        cleanup.set(l.cleanup());
        refinePass.set(l.refinePass());
        MemorySettings m = settings.memory();
        decodedMasksMb.set(m.decodedMasksMb());
        embeddingCacheMb.set(m.embeddingCacheMb());
    }

    /** The tool of a saved name; POINT for a name this version does not know. */
    public static Tool toolNamed(String name) {
        try {
            return Tool.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Tool.POINT;
        }
    }

    /** Puts every field back to the defaults (applied only when the dialog is confirmed). */
    public void resetToDefaults() {
        show(UserSettings.defaults());
    }

    private void validate() {
        try {
            generator();
            error.set("");
        } catch (IllegalArgumentException e) {
            error.set("Generator: " + e.getMessage());
            return;
        }
        try {
            memory();
        } catch (IllegalArgumentException e) {
            error.set("Memory: " + e.getMessage());
        }
    }

    private MemorySettings memory() {
        return new MemorySettings(decodedMasksMb.get(), embeddingCacheMb.get());
    }

    private GeneratorSettings generator() {
        return new GeneratorSettings(pointsPerSide.get(), predIou.get(), stability.get(), nms.get(), cropLayers.get(),
                minRegion.get());
    }

    /** The settings of the form; {@code base} gives what the form does not show (the window layout). */
    public UserSettings toSettings(UserSettings base) {
        if (!error.get().isEmpty()) {
            throw new IllegalStateException(error.get());
        }
        return new UserSettings(new ToolSettings(tool.get().name(), brushRadius.get(), overlayOpacity.get(),
                hoverPreview.get(), showMasks.get(), colourByInstance.get()), base.window(), generator(),
                new LeverSettings(candidateRule.get(), multimaskAtLaterClicks.get(), cleanup.get(), refinePass.get()),
                memory());
    }

    /** A name for a candidate rule in the dialog. */
    public static String describe(CandidateRule rule) {
        return switch (rule) {
            case FIGURE_GROUND -> "Figure-ground (default)";
            case MODEL_IOU -> "Model's own pick (lever off)";
            case STABILITY -> "Most stable";
            case AGREEMENT -> "Most agreeing";
            case LARGEST -> "Largest";
            case IOU_STABILITY -> "Predicted IoU x stability";
            case BOUNDARY -> "Strongest boundary";
        };
    }

    /** The first invalid value, empty when the form can be applied. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ObjectProperty<Tool> toolProperty() {
        return tool;
    }

    public DoubleProperty brushRadiusProperty() {
        return brushRadius;
    }

    public DoubleProperty overlayOpacityProperty() {
        return overlayOpacity;
    }

    public BooleanProperty hoverPreviewProperty() {
        return hoverPreview;
    }

    public BooleanProperty showMasksProperty() {
        return showMasks;
    }

    public BooleanProperty colourByInstanceProperty() {
        return colourByInstance;
    }

    public IntegerProperty pointsPerSideProperty() {
        return pointsPerSide;
    }

    public DoubleProperty predIouProperty() {
        return predIou;
    }

    public DoubleProperty stabilityProperty() {
        return stability;
    }

    public DoubleProperty nmsProperty() {
        return nms;
    }

    public IntegerProperty cropLayersProperty() {
        return cropLayers;
    }

    public IntegerProperty minRegionProperty() {
        return minRegion;
    }

    public ObjectProperty<CandidateRule> candidateRuleProperty() {
        return candidateRule;
    }

    public BooleanProperty multimaskAtLaterClicksProperty() {
        return multimaskAtLaterClicks;
    }

    public BooleanProperty cleanupProperty() {
        return cleanup;
    }

    public BooleanProperty refinePassProperty() {
        return refinePass;
    }

    /** RAM for decoded object masks, in MB. */
    public IntegerProperty decodedMasksMbProperty() {
        return decodedMasksMb;
    }

    /** The embedding cache on disk, in MB. */
    public IntegerProperty embeddingCacheMbProperty() {
        return embeddingCacheMb;
    }
}
