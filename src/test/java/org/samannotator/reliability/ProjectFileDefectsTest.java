package org.samannotator.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.annotation.ProjectStore;

/**
 * Inconsistent project files that {@link ProjectStore#load} accepts today without any warning (found by the
 * malformed-input corpus). core.annotation is being redesigned on another branch, so these are disabled
 * here and reported to its owner; each test states the expected behaviour: the load reports the problem
 * (a warning naming the file, or the file moved aside / refused), instead of handing inconsistent data to
 * the app.
 */
class ProjectFileDefectsTest {
    @TempDir
    Path dir;

    private boolean loadReportsAProblem(String json) throws Exception {
        ProjectStore store = new ProjectStore(dir);
        Files.createDirectories(store.projectFile().getParent());
        Files.writeString(store.projectFile(), json);
        try {
            return store.load().warning().isPresent();
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
    @Disabled("core.annotation defect (reported to the lead): duplicate object ids load silently; selecting or"
            + " deleting one object by id can then act on the other")
    void duplicateObjectIds() throws Exception {
        assertTrue(loadReportsAProblem(withObjects(object(1, 1, 4, 3) + ", " + object(1, 1, 4, 3))));
    }

    @Test
    @Disabled("core.annotation defect (reported to the lead): an object of a category that does not exist loads"
            + " silently (no colour, no name in the Objects list, exported with an unknown category_id)")
    void unknownCategory() throws Exception {
        assertTrue(loadReportsAProblem(withObjects(object(1, 42, 4, 3))));
    }

    @Test
    @Disabled("core.annotation defect (reported to the lead): an object mask of 3x4 on a 4x3 image loads"
            + " silently; drawing or exporting it mixes two frames")
    void maskSizeDiffersFromImageSize() throws Exception {
        assertTrue(loadReportsAProblem(withObjects(object(1, 1, 3, 4))));
    }

    @Test
    @Disabled("core.annotation defect (reported to the lead): the same image file listed twice loads silently;"
            + " which entry wins is undefined")
    void sameImageListedTwice() throws Exception {
        assertTrue(loadReportsAProblem(ProjectFileCorpus.VALID.replace("\"images\": [",
                "\"images\": [{\"file\": \"a.png\", \"status\": \"done\", \"objects\": []}, ")));
    }

    @Test
    @Disabled("core.annotation defect (reported to the lead): two categories with id 1 load silently")
    void duplicateCategoryIds() throws Exception {
        assertTrue(loadReportsAProblem(ProjectFileCorpus.VALID.replace("\"color\": \"#ff0000\"}",
                "\"color\": \"#ff0000\"}, {\"id\": 1, \"name\": \"dog\", \"color\": \"#00ff00\"}")));
    }

    @Test
    @Disabled("core.annotation defect (reported to the lead): a prompt point [\"NaN\", 1, 1] loads as a NaN"
            + " coordinate (JsonNode.asDouble parses the string)")
    void nanPointCoordinate() throws Exception {
        assertTrue(loadReportsAProblem(ProjectFileCorpus.VALID.replace("[[1, 1, 1]]", "[[\"NaN\", 1, 1]]")));
    }

    @Test
    @Disabled("core.annotation defect (reported to the lead): nextObjectId 99999999999999999999999 (beyond a"
            + " long) loads silently as a wrapped/zero value, so new objects can reuse existing ids")
    void nextObjectIdOutOfRange() throws Exception {
        assertTrue(loadReportsAProblem(ProjectFileCorpus.VALID.replace("\"nextObjectId\": 2",
                "\"nextObjectId\": 99999999999999999999999")));
    }
}
