package org.samannotator.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.annotation.ProjectStore;

/**
 * Inconsistent project files (found by the malformed-input corpus) that {@link ProjectStore#load} used to
 * accept without any warning: the load now reports the problem (the project repaired with a warning naming
 * the file and the original copied aside, or the file moved aside), or, for what is inside an object (its
 * mask, its prompts), reading the image reports it ({@code ImageAnnotations.readProblem}), instead of handing
 * inconsistent data to the app.
 */
class ProjectFileDefectsTest {
    @TempDir
    Path dir;

    private boolean loadReportsAProblem(String json) throws Exception {
        ProjectStore store = new ProjectStore(dir);
        Files.createDirectories(store.projectFile().getParent());
        Files.writeString(store.projectFile(), json);
        try {
            ProjectStore.LoadResult loaded = store.load();
            return loaded.warning().isPresent()
                    || loaded.data().images().stream().anyMatch(i -> i.readProblem().isPresent());
        } catch (RuntimeException refused) {
            return true;
        }
    }

    private static String withObjects(String objects) {
        return ProjectFileCorpus.VALID.replaceFirst("\"objects\": \\[[\\s\\S]*\\]\\}\\]\\}$",
                "\"objects\": [" + objects + "]}]}");
    }

    private static String object(long id, int categoryId, int width, int height) {
        return "{\"id\": " + id + ", \"categoryId\": " + categoryId + ", \"width\": " + width + ", \"height\": "
                + height + ", \"rle\": \"" + ProjectFileCorpus.rle(6, 6) + "\"}";
    }

    @Test
    void duplicateObjectIds() throws Exception {
        assertTrue(loadReportsAProblem(withObjects(object(1, 1, 4, 3) + ", " + object(1, 1, 4, 3))));
    }

    @Test
    void unknownCategory() throws Exception {
        assertTrue(loadReportsAProblem(withObjects(object(1, 42, 4, 3))));
    }

    @Test
    void maskSizeDiffersFromImageSize() throws Exception {
        assertTrue(loadReportsAProblem(withObjects(object(1, 1, 3, 4))));
    }

    @Test
    void sameImageListedTwice() throws Exception {
        assertTrue(loadReportsAProblem(ProjectFileCorpus.VALID.replace("\"images\": [",
                "\"images\": [{\"file\": \"a.png\", \"status\": \"done\", \"objects\": []}, ")));
    }

    @Test
    void duplicateCategoryIds() throws Exception {
        assertTrue(loadReportsAProblem(ProjectFileCorpus.VALID.replace("\"color\": \"#ff0000\"}",
                "\"color\": \"#ff0000\"}, {\"id\": 1, \"name\": \"dog\", \"color\": \"#00ff00\"}")));
    }

    @Test
    void nanPointCoordinate() throws Exception {
        assertTrue(loadReportsAProblem(ProjectFileCorpus.VALID.replace("[[1, 1, 1]]", "[[\"NaN\", 1, 1]]")));
    }

    @Test
    void nextObjectIdOutOfRange() throws Exception {
        assertTrue(loadReportsAProblem(ProjectFileCorpus.VALID.replace("\"nextObjectId\": 2",
                "\"nextObjectId\": 99999999999999999999999")));
    }

    @Test
    void repairedProjectKeepsEveryObjectAndTheOriginalFile() throws Exception {
        String json = withObjects(object(1, 1, 4, 3) + ", " + object(1, 42, 4, 3));
        ProjectStore store = new ProjectStore(dir);
        Files.createDirectories(store.projectFile().getParent());
        Files.writeString(store.projectFile(), json);
        ProjectStore.LoadResult loaded = store.load();
        String warning = loaded.warning().orElseThrow();
        assertTrue(warning.contains("got the new id") && warning.contains("unknown 42"), warning);
        var objects = loaded.data().images().get(0).objects();
        org.junit.jupiter.api.Assertions.assertEquals(2, objects.size());
        org.junit.jupiter.api.Assertions.assertNotEquals(objects.get(0).id(), objects.get(1).id());
        assertTrue(loaded.data().nextObjectId() > Math.max(objects.get(0).id(), objects.get(1).id()));
        assertTrue(loaded.data().categories().stream().anyMatch(c -> c.id() == 42));
        try (var files = Files.list(store.projectFile().getParent())) {
            Path copy = files.filter(f -> f.getFileName().toString().contains("before-repair")).findFirst().orElseThrow();
            org.junit.jupiter.api.Assertions.assertEquals(json, Files.readString(copy));
        }
    }
}
