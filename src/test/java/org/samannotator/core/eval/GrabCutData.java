package org.samannotator.core.eval;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * For integration tests on the real GrabCut-50 dataset (never copied into the repository): the folder from
 * {@code -Dsamannotator.datasets=DIR} or {@code $SAM_ANNOTATOR_DATASETS} (holding {@code GrabCut50/}), else the
 * first {@code shared/datasets/GrabCut50} found walking up from the working directory (CI has {@code ../shared}
 * beside the clone). Fails the calling test when it is nowhere.
 */
public final class GrabCutData {
    private static final String NAME = "GrabCut50";

    private GrabCutData() {
    }

    public static Path folder() {
        String configured = System.getProperty("samannotator.datasets", System.getenv("SAM_ANNOTATOR_DATASETS"));
        if (configured != null && !configured.isBlank()) {
            Path folder = Path.of(configured).resolve(NAME);
            if (Files.isDirectory(folder.resolve("images"))) {
                return folder;
            }
            return fail("no " + NAME + "/images in the configured datasets folder " + configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path folder = dir.resolve("shared").resolve("datasets").resolve(NAME);
            if (Files.isDirectory(folder.resolve("images"))) {
                return folder;
            }
        }
        return fail("GrabCut-50 not found: put it at ../shared/datasets/" + NAME + " beside the clone, or set "
                + "-Dsamannotator.datasets=DIR / SAM_ANNOTATOR_DATASETS=DIR (DIR holding " + NAME + "/)");
    }
}
