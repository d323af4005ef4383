package org.samannotator.gui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.samannotator.core.refine.CandidateRule;
import org.samannotator.core.settings.GeneratorSettings;
import org.samannotator.core.settings.LeverSettings;
import org.samannotator.core.settings.MemorySettings;
import org.samannotator.core.settings.ToolSettings;
import org.samannotator.core.settings.UserSettings;
import org.samannotator.core.settings.WindowLayout;
import org.samannotator.gui.tools.Tool;

class PreferencesViewModelTest {
    private static final WindowLayout WINDOW = new WindowLayout(10, 20, 900, 700, false, List.of(0.2, 0.8));

    private static UserSettings custom() {
        return new UserSettings(new ToolSettings("ERASER", 33, 0.6, true, false, false), WINDOW,
                new GeneratorSettings(16, 0.8, 0.9, 0.5, 1, 50),
                new LeverSettings(CandidateRule.STABILITY, true, true, true), new MemorySettings(300, 1024));
    }

    @Test
    void theFormShowsTheSettingsAndGivesThemBackUnchanged() {
        PreferencesViewModel vm = new PreferencesViewModel(custom());
        assertEquals(Tool.ERASER, vm.toolProperty().get());
        assertEquals(CandidateRule.STABILITY, vm.candidateRuleProperty().get());
        assertEquals(custom(), vm.toSettings(custom()));
    }

    @Test
    void eachLeverCanBeSwitchedOff() {
        PreferencesViewModel vm = new PreferencesViewModel(custom());
        vm.candidateRuleProperty().set(CandidateRule.MODEL_IOU);
        vm.multimaskAtLaterClicksProperty().set(false);
        vm.cleanupProperty().set(false);
        vm.refinePassProperty().set(false);
        assertTrue(vm.toSettings(custom()).levers().toClickLevers().isPlain());
        assertFalse(PreferencesViewModel.RULES.contains(CandidateRule.BOUNDARY));
    }

    @Test
    void resetGivesTheDefaultsButKeepsTheWindowLayout() {
        PreferencesViewModel vm = new PreferencesViewModel(custom());
        vm.resetToDefaults();
        UserSettings reset = vm.toSettings(custom());
        assertEquals(UserSettings.defaults().withWindow(WINDOW), reset);
        assertEquals(CandidateRule.FIGURE_GROUND, reset.levers().candidateRule(), "the app's default lever");
    }

    @Test
    void anInvalidGeneratorValueIsNamedAndCannotBeApplied() {
        PreferencesViewModel vm = new PreferencesViewModel(UserSettings.defaults());
        assertEquals("", vm.errorProperty().get());
        vm.nmsProperty().set(0);
        assertTrue(vm.errorProperty().get().startsWith("Generator: NMS threshold must be in (0, 1]"),
                vm.errorProperty().get());
        assertThrows(IllegalStateException.class, () -> vm.toSettings(UserSettings.defaults()));
        vm.nmsProperty().set(0.6);
        assertEquals("", vm.errorProperty().get());
        assertEquals(0.6, vm.toSettings(UserSettings.defaults()).generator().toAmg().boxNmsThresh());
    }

    @Test
    void theCacheBoundsAreSettableAndCheckedAsTyped() {
        PreferencesViewModel vm = new PreferencesViewModel(custom());
        assertEquals(300, vm.decodedMasksMbProperty().get());
        vm.decodedMasksMbProperty().set(64);
        vm.embeddingCacheMbProperty().set(8192);
        assertEquals(new MemorySettings(64, 8192), vm.toSettings(custom()).memory());
        vm.decodedMasksMbProperty().set(MemorySettings.MIN_MB - 1);
        assertTrue(vm.errorProperty().get().startsWith("Memory: decoded masks bound must be"),
                vm.errorProperty().get());
        assertThrows(IllegalStateException.class, () -> vm.toSettings(custom()));
    }

    @Test
    void anUnknownToolNameFallsBackToPoint() {
        assertEquals(Tool.POINT, PreferencesViewModel.toolNamed("LASSO"));
        assertEquals(Tool.BOX, PreferencesViewModel.toolNamed("box"));
    }
}
