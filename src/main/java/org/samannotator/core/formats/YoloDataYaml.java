package org.samannotator.core.formats;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The Ultralytics dataset file {@code data.yaml}: {@code train} and {@code val} point at {@code images}
 * (relative to the file's folder, as {@code path} is omitted) and {@code names} maps class index to name.
 * Reads {@code names} as a list or as an index-to-name map (both are Ultralytics forms).
 */
final class YoloDataYaml {
    private YoloDataYaml() {
    }

    static String write(List<String> names) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("train", YoloSegCodec.IMAGES);
        data.put("val", YoloSegCodec.IMAGES);
        data.put("nc", names.size());
        Map<Integer, String> indexed = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            indexed.put(i, names.get(i));
        }
        data.put("names", indexed);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return "# Ultralytics YOLO segmentation dataset written by SAM Annotator\n" + new Yaml(options).dump(data);
    }

    /** Class names in index order. */
    static List<String> readNames(Path file) throws IOException {
        Object root;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (NoSuchFileException e) {
            throw new FormatFileException(file, "", "missing: a YOLO dataset folder has data.yaml with the class names");
        } catch (YAMLException e) {
            throw new FormatFileException(file, "", "not valid YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> map) || !map.containsKey("names")) {
            throw new FormatFileException(file, "names", "missing: data.yaml must list the class names");
        }
        Object names = map.get("names");
        if (names instanceof List<?> list) {
            List<String> result = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                result.add(name(list.get(i), file, "names[" + i + "]"));
            }
            return result;
        }
        if (names instanceof Map<?, ?> indexed) {
            return fromIndexMap(indexed, file);
        }
        throw new FormatFileException(file, "names", "must be a list or a map of index: name");
    }

    private static List<String> fromIndexMap(Map<?, ?> indexed, Path file) throws FormatFileException {
        TreeMap<Integer, String> sorted = new TreeMap<>();
        for (Map.Entry<?, ?> e : indexed.entrySet()) {
            if (!(e.getKey() instanceof Integer index) || index < 0) {
                throw new FormatFileException(file, "names", "key '" + e.getKey() + "' is not a class index >= 0");
            }
            sorted.put(index, name(e.getValue(), file, "names." + index));
        }
        List<String> result = new ArrayList<>();
        for (Map.Entry<Integer, String> e : sorted.entrySet()) {
            if (e.getKey() != result.size()) {
                throw new FormatFileException(file, "names", "class " + result.size() + " is missing; indices must "
                        + "run 0, 1, 2, ...");
            }
            result.add(e.getValue());
        }
        return result;
    }

    private static String name(Object value, Path file, String where) throws FormatFileException {
        if (value == null || String.valueOf(value).isBlank()) {
            throw new FormatFileException(file, where, "class name is empty");
        }
        return String.valueOf(value);
    }
}
