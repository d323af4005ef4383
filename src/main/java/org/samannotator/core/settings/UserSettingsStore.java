package org.samannotator.core.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.samannotator.core.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@link UserSettings} as {@value #FILE_NAME} (JSON) in the user's configuration folder
 * ({@link UserConfigDirectory}). Loading never fails: a missing file gives the defaults; keys the file lacks
 * keep their defaults and keys this version does not know are ignored (so older and newer versions share the
 * file); a damaged file (not JSON, wrong types, values out of range) is moved aside as
 * {@code settings.json.corrupt-<time>} and the defaults are used, with a sentence saying so. Saving is atomic
 * ({@link AtomicFiles}): a crash leaves the previous file.
 */
public final class UserSettingsStore {
    public static final String FILE_NAME = "settings.json";
    private static final Logger LOG = LoggerFactory.getLogger(UserSettingsStore.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** What {@link #load()} found: the settings to use and, when the file was damaged, what happened. */
    public record Loaded(UserSettings settings, Optional<String> problem) {
    }

    private final Path file;

    public UserSettingsStore(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    /** The store in {@link UserConfigDirectory#locate()}. */
    public static UserSettingsStore inUserConfigDirectory() {
        return new UserSettingsStore(UserConfigDirectory.locate());
    }

    public Path file() {
        return file;
    }

    /** The saved settings merged over the defaults; never throws. */
    public Loaded load() {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return new Loaded(UserSettings.defaults(), Optional.empty());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot read the settings {}; using the defaults", file, e);
            return new Loaded(UserSettings.defaults(), Optional.of("Settings could not be read (" + e.getMessage()
                    + "); using the defaults."));
        }
        try {
            return new Loaded(parse(text), Optional.empty());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            return new Loaded(UserSettings.defaults(), Optional.of(moveAside(reason)));
        }
    }

    /** The settings of a JSON text, missing keys taken from the defaults. */
    static UserSettings parse(String text) throws JsonProcessingException {
        JsonNode saved = JSON.readTree(text);
        if (saved == null || !saved.isObject()) {
            throw new IllegalArgumentException("the file is not a JSON object");
        }
        ObjectNode merged = JSON.valueToTree(UserSettings.defaults());
        mergeInto(merged, (ObjectNode) saved);
        return JSON.treeToValue(merged, UserSettings.class);
    }

    /** Copies the keys of {@code saved} into {@code target}, recursing into objects both have. */
    private static void mergeInto(ObjectNode target, ObjectNode saved) {
        Iterator<Map.Entry<String, JsonNode>> fields = saved.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode object && field.getValue() instanceof ObjectNode savedObject) {
                mergeInto(object, savedObject);
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    private String moveAside(String reason) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path aside = file.resolveSibling(FILE_NAME + ".corrupt-" + stamp);
        try {
            Files.move(file, aside);
            LOG.warn("The settings {} are damaged ({}); kept as {}, using the defaults", file, reason, aside);
            return "Your settings file was damaged (" + reason + "); it was kept as " + aside.getFileName()
                    + " and the defaults are used.";
        } catch (IOException | RuntimeException e) {
            LOG.warn("The settings {} are damaged ({}) and could not be moved aside; using the defaults", file,
                    reason, e);
            return "Your settings file " + file + " was damaged (" + reason + "); the defaults are used.";
        }
    }

    /** Writes the settings atomically (creating the folder). */
    public void save(UserSettings settings) throws IOException {
        Files.createDirectories(file.getParent());
        AtomicFiles.writeBytes(file, JSON.writeValueAsBytes(settings));
    }
}
