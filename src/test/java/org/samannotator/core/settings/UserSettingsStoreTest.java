package org.samannotator.core.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.refine.CandidateRule;
import org.samannotator.core.refine.ClickLevers;

class UserSettingsStoreTest {
    @TempDir
    Path dir;

    private UserSettingsStore store() {
        return new UserSettingsStore(dir.resolve("config"));
    }

    private static UserSettings changedEverywhere() {
        return new UserSettings(new ToolSettings("BRUSH", 30, 0.7, true, false, false),
                new WindowLayout(40, 50, 1200, 800, true, List.of(0.2, 0.8)),
                new GeneratorSettings(16, 0.8, 0.9, 0.6, 1, 100),
                new LeverSettings(CandidateRule.MODEL_IOU, true, true, true), new MemorySettings(512, 4096));
    }

    @Test
    void withoutAFileTheDefaultsAreUsedAndNothingIsWritten() {
        UserSettingsStore.Loaded loaded = store().load();
        assertEquals(UserSettings.defaults(), loaded.settings());
        assertTrue(loaded.problem().isEmpty());
        assertFalse(Files.exists(dir.resolve("config")));
    }

    @Test
    void savedSettingsComeBackEqual() throws Exception {
        store().save(changedEverywhere());
        UserSettingsStore.Loaded loaded = store().load();
        assertEquals(changedEverywhere(), loaded.settings());
        assertTrue(loaded.problem().isEmpty());
        assertEquals(List.of(UserSettingsStore.FILE_NAME), Files.list(dir.resolve("config"))
                .map(p -> p.getFileName().toString()).toList(), "no temporary file left");
    }

    @Test
    void theAppDefaultLeversAreTheInstalledSegmentersDefault() {
        assertEquals(ClickLevers.appDefaults(), UserSettings.defaults().levers().toClickLevers());
        assertEquals(CandidateRule.FIGURE_GROUND, UserSettings.defaults().levers().candidateRule());
        assertFalse(UserSettings.defaults().levers().cleanup());
    }

    @Test
    void missingKeysKeepTheirDefaults() throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(store().file(), "{\"tools\": {\"brushRadius\": 40}, \"levers\": {\"cleanup\": true}}");
        UserSettingsStore.Loaded loaded = store().load();
        assertTrue(loaded.problem().isEmpty());
        UserSettings defaults = UserSettings.defaults();
        assertEquals(40, loaded.settings().tools().brushRadius());
        assertEquals(defaults.tools().overlayOpacity(), loaded.settings().tools().overlayOpacity());
        assertEquals(defaults.tools().colourByInstance(), loaded.settings().tools().colourByInstance());
        assertTrue(loaded.settings().levers().cleanup());
        assertEquals(defaults.levers().candidateRule(), loaded.settings().levers().candidateRule());
        assertEquals(defaults.generator(), loaded.settings().generator());
        assertEquals(MemorySettings.defaults(), loaded.settings().memory(), "a file of an older version");
        assertTrue(loaded.settings().windowLayout().isEmpty());
    }

    @Test
    void unknownKeysOfANewerVersionAreIgnored() throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(store().file(), "{\"theme\": \"dark\", \"tools\": {\"tool\": \"box\", \"laser\": 3},"
                + " \"generator\": {\"pointsPerSide\": 8, \"future\": [1, 2]}}");
        UserSettingsStore.Loaded loaded = store().load();
        assertTrue(loaded.problem().isEmpty(), loaded.problem().toString());
        assertEquals("BOX", loaded.settings().tools().tool());
        assertEquals(8, loaded.settings().generator().pointsPerSide());
    }

    @Test
    void aDamagedFileGivesTheDefaultsAMessageAndIsKeptAside() throws Exception {
        for (String damaged : List.of("{not json", "[1, 2]", "{\"generator\": {\"pointsPerSide\": 0}}",
                "{\"levers\": {\"candidateRule\": \"SOMETHING\"}}", "{\"tools\": {\"brushRadius\": \"big\"}}",
                "{\"levers\": {\"candidateRule\": \"BOUNDARY\"}}", "{\"tools\": 3}")) {
            Files.createDirectories(dir.resolve("config"));
            Files.writeString(store().file(), damaged);
            UserSettingsStore.Loaded loaded = store().load();
            assertEquals(UserSettings.defaults(), loaded.settings(), damaged);
            String problem = loaded.problem().orElseThrow(() -> new AssertionError("no message for " + damaged));
            assertTrue(problem.startsWith("Your settings file was damaged ("), problem);
            assertTrue(problem.contains("the defaults are used"), problem);
            assertFalse(Files.exists(store().file()), "moved aside: " + damaged);
            try (var aside = Files.list(dir.resolve("config"))) {
                Path kept = aside.filter(p -> p.getFileName().toString().startsWith("settings.json.corrupt-"))
                        .findFirst().orElseThrow();
                assertEquals(damaged, Files.readString(kept));
                Files.delete(kept);
            }
        }
    }

    @Test
    void outOfRangeToolValuesAreClampedNotRejected() throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(store().file(), "{\"tools\": {\"brushRadius\": 9000, \"overlayOpacity\": -1},"
                + " \"window\": {\"x\": 1, \"y\": 2, \"width\": 10, \"height\": 10, \"dividers\": [0.3, 7]}}");
        UserSettingsStore.Loaded loaded = store().load();
        assertEquals(500, loaded.settings().tools().brushRadius());
        assertEquals(0, loaded.settings().tools().overlayOpacity());
        assertEquals(List.of(0.3), loaded.settings().window().dividers());
        assertTrue(loaded.settings().windowLayout().isEmpty(), "a 10 x 10 window is not restored");
    }

    @Test
    void theConfigFolderFollowsEachPlatformsConvention() {
        Map<String, String> linux = Map.of("os.name", "Linux", "user.home", "/home/u");
        assertEquals(Path.of("/home/u/.config/sam-annotator"), UserConfigDirectory.resolve(linux::get, k -> null));
        assertEquals(Path.of("/x/sam-annotator"), UserConfigDirectory.resolve(linux::get,
                k -> k.equals("XDG_CONFIG_HOME") ? "/x" : null));
        Map<String, String> windows = Map.of("os.name", "Windows 11", "user.home", "C:\\Users\\u");
        assertEquals(Path.of("R", "sam-annotator"), UserConfigDirectory.resolve(windows::get,
                k -> k.equals("APPDATA") ? "R" : null));
        Map<String, String> mac = Map.of("os.name", "Mac OS X", "user.home", "/Users/u");
        assertEquals(Path.of("/Users/u/Library/Application Support/sam-annotator"),
                UserConfigDirectory.resolve(mac::get, k -> null));
        Map<String, String> overridden = Map.of("os.name", "Linux", "user.home", "/home/u",
                UserConfigDirectory.PROPERTY, "/tmp/c");
        assertEquals(Path.of("/tmp/c"), UserConfigDirectory.resolve(overridden::get, k -> null));
    }
}
