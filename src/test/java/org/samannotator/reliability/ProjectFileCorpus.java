package org.samannotator.reliability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.samannotator.core.annotation.ProjectData;
import org.samannotator.core.annotation.ProjectFileException;
import org.samannotator.core.annotation.ProjectStore;

/**
 * Damaged project files through {@link ProjectStore#load} (read-only use of core.annotation). A damaged file
 * must be kept byte for byte (moved aside) or left untouched, never overwritten.
 */
final class ProjectFileCorpus {
    /** A 4x3 image with one object whose mask is the left half (8 of 12 pixels in column-major runs). */
    private static String validProject() {
        return TEMPLATE.replace("RLE", rle(6, 6));
    }

    /**
     * COCO's compressed RLE string of column-major runs starting with 0 background pixels then these
     * (foreground, background, ...) counts, written here without any validation so bad sums can be made.
     */
    static String rle(long... counts) {
        long[] all = new long[counts.length + 1];
        System.arraycopy(counts, 0, all, 1, counts.length);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < all.length; i++) {
            long x = i > 2 ? all[i] - all[i - 2] : all[i];
            boolean more = true;
            while (more) {
                long c = x & 0x1f;
                x >>= 5;
                more = (c & 0x10) != 0 ? x != -1 : x != 0;
                text.append((char) ((more ? c | 0x20 : c) + 48));
            }
        }
        return text.toString();
    }

    private static final String TEMPLATE = """
            {"format": "sam-annotator-project", "formatVersion": 1, "nextObjectId": 2, "currentImage": "a.png",
             "categories": [{"id": 1, "name": "cat", "color": "#ff0000"}],
             "images": [{"file": "a.png", "status": "in_progress", "width": 4, "height": 3, "objects": [
               {"id": 1, "categoryId": 1, "width": 4, "height": 3, "rle": "RLE", "points": [[1, 1, 1]],
                "box": [0, 0, 2, 3], "predictedIou": 0.9, "secondsSpent": 2.5}]}]}""";
    static final String VALID = validProject();

    private ProjectFileCorpus() {
    }

    static List<CorpusCase> cases() {
        List<CorpusCase> cases = new ArrayList<>();
        cases.add(project("valid project (baseline)", VALID));
        for (int percent : new int[] {10, 50, 90, 99}) {
            cases.add(project("truncated to " + percent + " %", VALID.substring(0, VALID.length() * percent / 100)));
        }
        cases.add(project("zero bytes", ""));
        cases.add(project("JSON null", "null"));
        cases.add(project("JSON array", "[1, 2, 3]"));
        cases.add(project("binary garbage", "\u0000\u0001\u00ff\u00fe garbage \u0007"));
        cases.add(project("nested 100000 levels deep", "[".repeat(100_000) + "]".repeat(100_000)));
        cases.add(project("nested objects 5000 levels deep in an image",
                VALID.replace("\"status\"", "\"deep\": " + "{\"a\":".repeat(5000) + "1" + "}".repeat(5000)
                        + ", \"status\"")));
        cases.add(project("not a SAM Annotator file (other JSON)", "{\"name\": \"something else\"}"));
        cases.add(project("formatVersion 999 (newer app)", VALID.replace("\"formatVersion\": 1", "\"formatVersion\": 999")));
        cases.add(project("formatVersion -1", VALID.replace("\"formatVersion\": 1", "\"formatVersion\": -1")));
        cases.add(project("nextObjectId 1e300", VALID.replace("\"nextObjectId\": 2", "\"nextObjectId\": 1e300")));
        cases.add(project("nextObjectId 99999999999999999999999", VALID.replace("\"nextObjectId\": 2",
                "\"nextObjectId\": 99999999999999999999999")));
        cases.add(project("image width -4", VALID.replace("\"width\": 4, \"height\": 3, \"objects\"",
                "\"width\": -4, \"height\": 3, \"objects\"")));
        cases.add(project("object mask 2147483647 x 2147483647", VALID.replace(
                "\"width\": 4, \"height\": 3, \"rle\"", "\"width\": 2147483647, \"height\": 2147483647, \"rle\"")));
        cases.add(project("RLE counts sum to 20, not 12", VALID.replace(rle(6, 6), rle(6, 14))));
        cases.add(project("RLE with characters outside the alphabet", VALID.replace("\"rle\": \"" + rle(6, 6) + "\"",
                "\"rle\": \"\\u0001\\u00ff\"")));
        cases.add(project("RLE missing", VALID.replace("\"rle\": \"" + rle(6, 6) + "\", ", "")));
        cases.add(project("point with 2 values", VALID.replace("[[1, 1, 1]]", "[[1, 1]]")));
        cases.add(project("point with NaN (as a string)", VALID.replace("[[1, 1, 1]]", "[[\"NaN\", 1, 1]]")));
        cases.add(project("point with NaN (non-standard JSON)", VALID.replace("[[1, 1, 1]]", "[[NaN, 1, 1]]")));
        cases.add(project("box with 3 values", VALID.replace("[0, 0, 2, 3]", "[0, 0, 2]")));
        cases.add(project("category colour not a colour", VALID.replace("#ff0000", "red-ish")));
        cases.add(project("unknown image status", VALID.replace("in_progress", "half done")));
        cases.add(project("duplicate object ids", VALID.replace("\"secondsSpent\": 2.5}]",
                "\"secondsSpent\": 2.5}, {\"id\": 1, \"categoryId\": 1, \"width\": 4, \"height\": 3, \"rle\": \"" + rle(6, 6) + "\"}]")));
        cases.add(project("object of an unknown category", VALID.replace("\"categoryId\": 1", "\"categoryId\": 42")));
        cases.add(project("object mask size differs from the image size", VALID.replace(
                "\"width\": 4, \"height\": 3, \"rle\"", "\"width\": 3, \"height\": 4, \"rle\"")));
        cases.add(project("the same image listed twice", VALID.replace("\"images\": [",
                "\"images\": [{\"file\": \"a.png\", \"status\": \"done\", \"objects\": []}, ")));
        cases.add(project("duplicate category ids", VALID.replace("\"color\": \"#ff0000\"}",
                "\"color\": \"#ff0000\"}, {\"id\": 1, \"name\": \"dog\", \"color\": \"#00ff00\"}")));
        cases.add(project("invalid UTF-8 bytes in a name", null));
        return cases;
    }

    /** Inconsistent files that load without any warning today; see ProjectFileDefectsTest (disabled). */
    static final java.util.Set<String> DEFECTS = java.util.Set.of("duplicate object ids",
            "object of an unknown category", "object mask size differs from the image size",
            "the same image listed twice", "duplicate category ids", "point with NaN (as a string)",
            "nextObjectId 99999999999999999999999");

    private static CorpusCase project(String name, String json) {
        return new CorpusCase("Project file", name, "ProjectStore.load", dir -> {
            byte[] bytes = json != null ? json.getBytes(StandardCharsets.UTF_8)
                    : VALID.replace("\"cat\"", "\"c\u0000t\"").replace('\u0000', '?').getBytes(StandardCharsets.UTF_8);
            if (json == null) {
                bytes[VALID.indexOf("\"cat\"") + 2] = (byte) 0xC3; // a lone lead byte: invalid UTF-8
            }
            ProjectStore store = new ProjectStore(dir);
            Path file = store.projectFile();
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            CorpusCase.Outcome outcome = load(store, file, bytes);
            return DEFECTS.contains(name) && outcome.result().equals("loaded")
                    ? CorpusCase.Outcome.of("**loaded without a warning: defect reported** (ProjectFileDefectsTest)",
                            outcome.message())
                    : outcome;
        });
    }

    private static CorpusCase.Outcome load(ProjectStore store, Path file, byte[] bytes) throws Exception {
        ProjectStore.LoadResult result;
        try {
            result = store.load();
        } catch (ProjectFileException e) {
            ClearMessages.assertUnchanged(file, bytes);
            return CorpusCase.Outcome.of("refused, file left untouched", ClearMessages.assertClear(e.getMessage(), file));
        }
        if (result.warning().isPresent() && Files.exists(file)) {
            String warning = ClearMessages.assertClear(result.warning().get(), file);
            ClearMessages.assertUnchanged(file, bytes);
            ClearMessages.assertUnchanged(onlyCopy(file, ".before-repair-"), bytes);
            long objects = result.data().images().stream().mapToLong(i -> i.objects().size()).sum();
            return CorpusCase.Outcome.of("repaired with a warning (original copied aside), " + objects + " object(s)",
                    warning);
        }
        if (result.warning().isPresent()) {
            String warning = ClearMessages.assertClear(result.warning().get(), file);
            assertFalse(Files.exists(file), "a damaged file is moved aside");
            Path aside = onlyCorruptCopy(file);
            ClearMessages.assertUnchanged(aside, bytes);
            return CorpusCase.Outcome.of("moved aside (kept byte for byte), new project", warning);
        }
        ClearMessages.assertUnchanged(file, bytes);
        ProjectData data = result.data();
        List<String> problems = data.images().stream().map(i -> i.readProblem()).flatMap(java.util.Optional::stream)
                .toList();
        long objects = data.images().stream().mapToLong(i -> i.objects().size()).sum();
        if (!problems.isEmpty()) {
            // what is inside an object is read with its image: the damaged part is left out, the file copied aside
            String warning = ClearMessages.assertClear(String.join("\n", problems), file);
            ClearMessages.assertUnchanged(file, bytes);
            ClearMessages.assertUnchanged(onlyCopy(file, ".before-repair-"), bytes);
            return CorpusCase.Outcome.of("loaded; reading the image left out the damaged part with a warning"
                    + " (original copied aside), " + objects + " object(s)", warning);
        }
        return CorpusCase.Outcome.of("loaded", data.images().size() + " image(s), " + objects + " object(s), "
                + data.categories().size() + " categor" + (data.categories().size() == 1 ? "y" : "ies"));
    }

    private static Path onlyCorruptCopy(Path file) throws Exception {
        return onlyCopy(file, ".corrupt-");
    }

    private static Path onlyCopy(Path file, String infix) throws Exception {
        try (Stream<Path> files = Files.list(file.getParent())) {
            List<Path> copies = files.filter(p -> p.getFileName().toString().startsWith(
                    file.getFileName() + infix)).toList();
            assertTrue(copies.size() == 1, "one corrupt copy expected: " + copies);
            return copies.get(0);
        }
    }
}
