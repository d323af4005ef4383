package org.samannotator.core.annotation;

/**
 * What opening needs of one element of the project file's "images", without its objects: the values of its
 * "file", "status", "width" and "height" fields as the file has them ({@code null} when a field is missing;
 * {@code width} and {@code height} are 0 when not a whole number), and the {@link EntryKeys} of its objects
 * and suggestions. The opening scan reads it from the text ({@link ImageEntryScan#summarize}); the project
 * index stores it so that opening need not scan ({@link ProjectIndex}). Checking the values is left to
 * {@link ImageEntryScan#build}, the same for both.
 */
record EntrySummary(String fileName, String status, Integer width, Integer height, EntryKeys objects,
        EntryKeys suggestions) {
}
