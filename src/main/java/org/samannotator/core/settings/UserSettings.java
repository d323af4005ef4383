package org.samannotator.core.settings;

import java.util.Objects;
import java.util.Optional;

/**
 * Everything the app remembers per user between runs (stored by {@link UserSettingsStore}): tool settings, the
 * main window's layout (null until the window was closed once), the automatic mask generator's parameters and
 * the per-click levers. Immutable; change one part with the {@code with...} methods.
 */
public record UserSettings(ToolSettings tools, WindowLayout window, GeneratorSettings generator, LeverSettings levers) {
    public UserSettings {
        Objects.requireNonNull(tools, "tools");
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(levers, "levers");
    }

    public static UserSettings defaults() {
        return new UserSettings(ToolSettings.defaults(), null, GeneratorSettings.defaults(), LeverSettings.defaults());
    }

    /** The remembered window layout, if any and usable. */
    public Optional<WindowLayout> windowLayout() {
        return Optional.ofNullable(window).filter(WindowLayout::hasUsableBounds);
    }

    public UserSettings withTools(ToolSettings newTools) {
        return new UserSettings(newTools, window, generator, levers);
    }

    public UserSettings withWindow(WindowLayout newWindow) {
        return new UserSettings(tools, newWindow, generator, levers);
    }

    public UserSettings withGenerator(GeneratorSettings newGenerator) {
        return new UserSettings(tools, window, newGenerator, levers);
    }

    public UserSettings withLevers(LeverSettings newLevers) {
        return new UserSettings(tools, window, generator, newLevers);
    }
}
