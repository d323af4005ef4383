package org.samannotator.core.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;

class ProjectStatisticsTest {
    @Test
    void countsObjectsPerImageAndTheMedianSecondsPerObject() {
        AnnotationProject project = new AnnotationProject(ProjectData.empty());
        int cat = project.addCategory("cat", 0xff0000).id();
        project.addCategory("dog", 0x00ff00);
        BitMask mask = BitMask.fromPredicate(new Size(4, 4), (x, y) -> x < 2);
        project.importObjects(List.of(), Map.of(
                "a.png", List.of(imported(cat, mask, 2), imported(cat, mask, 10)),
                "b.png", List.of(imported(cat, mask, 4))));
        project.setStatus("b.png", ImageStatus.DONE);

        ProjectStatistics stats = ProjectStatistics.of(project, List.of("a.png", "b.png", "c.png"));
        assertEquals(3, stats.images());
        assertEquals(2, stats.annotatedImages());
        assertEquals(1, stats.doneImages());
        assertEquals(1.5, stats.objectsPerAnnotatedImage(), 1e-9);
        assertEquals(4, stats.medianSecondsPerObject(), 1e-9);
        assertEquals(Map.of("cat", 3, "dog", 0), stats.objectsPerCategory());
        assertTrue(stats.describe().contains("Median seconds per object:    4.0"), stats.describe());
    }

    private static ImportedObject imported(int category, BitMask mask, double seconds) {
        return new ImportedObject(category, mask, PromptSet.EMPTY, OptionalDouble.empty(), seconds);
    }
}
