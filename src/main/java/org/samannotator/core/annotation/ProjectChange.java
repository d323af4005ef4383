package org.samannotator.core.annotation;

import java.util.Set;

/**
 * What a change to an {@link AnnotationProject} touched: the images (file names), whether the categories
 * changed, and whether it must be saved ({@code persistent}; candidate prompts and strokes are not saved).
 */
public record ProjectChange(Set<String> images, boolean categories, boolean persistent) {
    public ProjectChange {
        images = Set.copyOf(images);
    }
}
