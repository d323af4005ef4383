package org.samannotator.gui.main;

import java.io.IOException;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.samannotator.core.refine.ClickLevers;
import org.samannotator.core.settings.ToolSettings;
import org.samannotator.core.annotation.DecodedMasks;
import org.samannotator.core.settings.MemorySettings;
import org.samannotator.core.settings.UserSettings;
import org.samannotator.core.settings.UserSettingsStore;
import org.samannotator.core.settings.WindowLayout;
import org.samannotator.gui.settings.PreferencesViewModel;
import org.samannotator.gui.tools.ToolsViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's settings while the app runs: loaded once from the {@link UserSettingsStore} (none: the defaults,
 * never saved, as in tests), the tool settings put into the {@link ToolsViewModel}, saved again when the
 * preferences are applied and when the window closes (with the tools as they are then and the window layout).
 * {@link #clickLevers()} is read by the segmenter on the model thread at every click, so a change applies
 * from the next click. {@code -Dsamannotator.clickLevers} (given as {@code commandLineLevers}) sets the levers
 * of a run until the user applies the preferences.
 */
public final class AppSettings {
    private static final Logger LOG = LoggerFactory.getLogger(AppSettings.class);

    private final UserSettingsStore store;
    private final ToolsViewModel tools;
    private final ObjectProperty<UserSettings> settings = new SimpleObjectProperty<>();
    private final Optional<String> loadProblem;
    private volatile ClickLevers levers;

    AppSettings(UserSettingsStore store, ToolsViewModel tools, Optional<ClickLevers> commandLineLevers) {
        this.store = store;
        this.tools = tools;
        UserSettingsStore.Loaded loaded = store == null
                ? new UserSettingsStore.Loaded(UserSettings.defaults(), Optional.empty()) : store.load();
        this.loadProblem = loaded.problem();
        settings.set(loaded.settings());
        applyTools(loaded.settings().tools());
        applyMemory(loaded.settings().memory());
        levers = commandLineLevers.orElse(loaded.settings().levers().toClickLevers());
    }

    /** When the settings file was damaged: what happened (the defaults are in use). */
    public Optional<String> loadProblem() {
        return loadProblem;
    }

    /** The settings as they are now, the tools read from the tools bar. */
    public UserSettings current() {
        return settings.get().withTools(new ToolSettings(tools.tool().name(), tools.brushRadius(),
                tools.overlayOpacityProperty().get(), tools.hoverPreviewProperty().get(),
                tools.showMasksProperty().get(), tools.colourByInstanceProperty().get()));
    }

    /** The settings last applied or loaded (the tools as they were then). */
    public ReadOnlyObjectProperty<UserSettings> settingsProperty() {
        return settings;
    }

    /** The per-click levers of the next click; safe to call from any thread. */
    public ClickLevers clickLevers() {
        return levers;
    }

    /**
     * Applies confirmed preferences: tools and the decoded-mask bound at once, levers from the next click (the
     * embedding cache listens to {@link #settingsProperty()}); then saves.
     */
    public Optional<String> apply(UserSettings applied) {
        settings.set(applied);
        applyTools(applied.tools());
        applyMemory(applied.memory());
        levers = applied.levers().toClickLevers();
        return save();
    }

    /** Remembers the window layout and saves everything (when the window closes). */
    public Optional<String> rememberWindow(WindowLayout layout) {
        settings.set(current().withWindow(layout));
        return save();
    }

    private static void applyMemory(MemorySettings memory) {
        DecodedMasks.shared().setMaxBytes(memory.decodedMasksBytes());
    }

    private void applyTools(ToolSettings t) {
        tools.selectTool(PreferencesViewModel.toolNamed(t.tool()));
        tools.setBrushRadius(t.brushRadius());
        tools.overlayOpacityProperty().set(t.overlayOpacity());
        tools.hoverPreviewProperty().set(t.hoverPreview());
        tools.showMasksProperty().set(t.showMasks());
        tools.colourByInstanceProperty().set(t.colourByInstance());
    }

    /** Writes the settings with the tools as they are now; a failure is logged and returned as a sentence. */
    public Optional<String> save() {
        if (store == null) {
            return Optional.empty();
        }
        try {
            store.save(current());
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot save the settings to {}", store.file(), e);
            return Optional.of("Settings could not be saved to " + store.file() + ": " + e.getMessage());
        }
    }

    /** Where the settings are kept (empty when they are not saved). */
    public Optional<java.nio.file.Path> file() {
        return Optional.ofNullable(store).map(UserSettingsStore::file);
    }
}
