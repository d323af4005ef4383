package org.samannotator.core.annotation;

import java.util.List;
import java.util.Map;

/**
 * One undoable step: the state of the images it touched (and of the categories, when it changed them)
 * before and after. Snapshots are immutable values, so undo and redo just put them back.
 * {@code categoriesBefore}/{@code categoriesAfter} are null when the categories did not change.
 */
public record Edit(String description, Map<String, ImageAnnotations> imagesBefore,
        Map<String, ImageAnnotations> imagesAfter, List<Category> categoriesBefore, List<Category> categoriesAfter,
        boolean persistent) {
    public Edit {
        imagesBefore = Map.copyOf(imagesBefore);
        imagesAfter = Map.copyOf(imagesAfter);
    }

    /** An edit of one image. {@code persistent} is false for candidate-only changes (prompts, strokes). */
    public static Edit ofImage(String description, ImageAnnotations before, ImageAnnotations after,
            boolean persistent) {
        return new Edit(description, Map.of(before.fileName(), before), Map.of(after.fileName(), after), null, null,
                persistent);
    }

    /** The image this edit is about when it touched exactly one, else null. */
    public String singleImage() {
        return imagesAfter.size() == 1 ? imagesAfter.keySet().iterator().next() : null;
    }
}
