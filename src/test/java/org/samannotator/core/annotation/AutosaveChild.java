package org.samannotator.core.annotation;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;

/**
 * Child process of {@link AutosaveKillTest}: reopens the project of the folder given as argument, then
 * forever adds one object (a 400x300 mask) per step through the real autosaver, printing "saved N" (N =
 * objects now in the project) after each completed save, until it is killed.
 */
public final class AutosaveChild {
    private AutosaveChild() {
    }

    public static void main(String[] args) {
        ProjectStore store = new ProjectStore(Path.of(args[0]));
        AnnotationProject project = new AnnotationProject(store.load().data());
        if (project.categories().isEmpty()) {
            project.addCategory("thing", 0x00ff00);
        }
        int category = project.categories().get(0).id();
        Size size = new Size(400, 300);
        try (ProjectAutosaver saver = new ProjectAutosaver(project, store, status -> { })) {
            for (int step = 0; ; step++) {
                int offset = step % 200;
                BitMask mask = BitMask.fromPredicate(size, (x, y) -> (x * 7 + y * 3 + offset) % 11 < 5);
                project.importObjects(List.of(), Map.of("img.png",
                        List.of(new ImportedObject(category, mask, PromptSet.EMPTY, OptionalDouble.empty(), step))));
                saver.flush();
                System.out.println("saved " + project.image("img.png").objects().size());
                System.out.flush();
            }
        }
    }
}
