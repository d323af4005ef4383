package org.samannotator.gui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.refine.CandidateRule;
import org.samannotator.core.refine.ClickLevers;
import org.samannotator.core.annotation.DecodedMasks;
import org.samannotator.core.settings.LeverSettings;
import org.samannotator.core.settings.MemorySettings;
import org.samannotator.core.settings.UserSettings;
import org.samannotator.core.settings.UserSettingsStore;
import org.samannotator.core.settings.WindowLayout;
import org.samannotator.gui.tools.Tool;
import org.samannotator.gui.tools.ToolsViewModel;

class AppSettingsTest {
    @TempDir
    Path dir;

    @Test
    void toolsAndWindowAreRememberedForTheNextRun() {
        UserSettingsStore store = new UserSettingsStore(dir);
        ToolsViewModel tools = new ToolsViewModel();
        AppSettings first = new AppSettings(store, tools, Optional.empty());
        tools.selectTool(Tool.BRUSH);
        tools.setBrushRadius(40);
        tools.overlayOpacityProperty().set(0.7);
        tools.colourByInstanceProperty().set(false);
        WindowLayout layout = new WindowLayout(5, 6, 1000, 700, false, List.of(0.25, 0.75));
        assertTrue(first.rememberWindow(layout).isEmpty());

        ToolsViewModel next = new ToolsViewModel();
        AppSettings second = new AppSettings(store, next, Optional.empty());
        assertEquals(Tool.BRUSH, next.tool());
        assertEquals(40, next.brushRadius());
        assertEquals(0.7, next.overlayOpacityProperty().get());
        assertFalse(next.colourByInstanceProperty().get());
        assertEquals(Optional.of(layout), second.settingsProperty().get().windowLayout());
    }

    @Test
    void appliedLeversAreWhatTheNextClickReadsAndAreSaved() {
        UserSettingsStore store = new UserSettingsStore(dir);
        AppSettings settings = new AppSettings(store, new ToolsViewModel(), Optional.empty());
        assertEquals(ClickLevers.appDefaults(), settings.clickLevers());
        UserSettings plainLevers = settings.current().withLevers(
                new LeverSettings(CandidateRule.MODEL_IOU, false, false, false));
        assertTrue(settings.apply(plainLevers).isEmpty());
        assertTrue(settings.clickLevers().isPlain(), "no restart needed");
        assertEquals(plainLevers.levers(), store.load().settings().levers());
    }

    @Test
    void theDecodedMaskBoundAppliesAtOnceAndIsSaved() {
        UserSettingsStore store = new UserSettingsStore(dir);
        AppSettings settings = new AppSettings(store, new ToolsViewModel(), Optional.empty());
        try {
            assertEquals(MemorySettings.defaults().decodedMasksBytes(), DecodedMasks.shared().maxBytes());
            UserSettings smaller = settings.current().withMemory(new MemorySettings(32, 512));
            assertTrue(settings.apply(smaller).isEmpty());
            assertEquals(32L << 20, DecodedMasks.shared().maxBytes());
            assertEquals(smaller.memory(), store.load().settings().memory());
        } finally {
            DecodedMasks.shared().setMaxBytes(DecodedMasks.DEFAULT_MAX_BYTES);
        }
    }

    @Test
    void commandLineLeversHoldUntilThePreferencesAreApplied() {
        AppSettings settings = new AppSettings(new UserSettingsStore(dir), new ToolsViewModel(),
                Optional.of(ClickLevers.defaults()));
        assertEquals(ClickLevers.defaults(), settings.clickLevers());
        settings.apply(settings.current());
        assertEquals(ClickLevers.appDefaults(), settings.clickLevers());
    }

    @Test
    void aDamagedFileIsReportedAndTheDefaultsApply() throws Exception {
        Files.writeString(dir.resolve(UserSettingsStore.FILE_NAME), "{\"tools\": ");
        ToolsViewModel tools = new ToolsViewModel();
        AppSettings settings = new AppSettings(new UserSettingsStore(dir), tools, Optional.empty());
        assertTrue(settings.loadProblem().orElseThrow().contains("damaged"));
        assertEquals(Tool.POINT, tools.tool());
        assertTrue(settings.save().isEmpty(), "a fresh file replaces it");
        assertTrue(new UserSettingsStore(dir).load().problem().isEmpty());
    }

    @Test
    void anUnwritableFolderIsASentenceNotACrash() throws Exception {
        Path file = dir.resolve("not-a-folder");
        Files.writeString(file, "x");
        AppSettings settings = new AppSettings(new UserSettingsStore(file), new ToolsViewModel(), Optional.empty());
        assertTrue(settings.save().orElseThrow().startsWith("Settings could not be saved to "));
    }
}
