package org.samannotator.core.settings;

import java.util.Objects;
import java.util.Optional;

/**
 * Everything the app remembers per user between runs (stored by {@link UserSettingsStore}): tool settings, the
 * main window's layout (null until the window was closed once), the automatic mask generator's parameters and
 * the per-click levers and the cache bounds. Immutable; change one part with the {@code with...} methods.
 */
public record UserSettings(ToolSettings tools, WindowLayout window, GeneratorSettings generator, LeverSettings levers,
        MemorySettings memory) {
    public UserSettings {
        Objects.requireNonNull(tools, "tools");
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(levers, "levers");
        Objects.requireNonNull(memory, "memory");
    }

    /** With the default cache bounds. */
    public UserSettings(ToolSettings tools, WindowLayout window, GeneratorSettings generator, LeverSettings levers) {
        this(tools, window, generator, levers, MemorySettings.defaults());
    }

    public static UserSettings defaults() {
        return new UserSettings(ToolSettings.defaults(), null, GeneratorSettings.defaults(), LeverSettings.defaults(),
                MemorySettings.defaults());
    }

    /** The remembered window layout, if any and usable. */
    public Optional<WindowLayout> windowLayout() {
        return Optional.ofNullable(window).filter(WindowLayout::hasUsableBounds);
    }

    public UserSettings withTools(ToolSettings newTools) {
        return new UserSettings(newTools, window, generator, levers, memory);
    }

    public UserSettings withWindow(WindowLayout newWindow) {
        return new UserSettings(tools, newWindow, generator, levers, memory);
    }

    public UserSettings withGenerator(GeneratorSettings newGenerator) {
        return new UserSettings(tools, window, newGenerator, levers, memory);
    }

    public UserSettings withLevers(LeverSettings newLevers) {
        return new UserSettings(tools, window, generator, newLevers, memory);
    }

    public UserSettings withMemory(MemorySettings newMemory) {
        return new UserSettings(tools, window, generator, levers, newMemory);
    }
}
