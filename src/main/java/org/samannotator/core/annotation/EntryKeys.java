package org.samannotator.core.annotation;

/**
 * What the opening scan reads of the objects (or suggestions) of one image entry without reading their masks:
 * their count, and per element its id, category id and mask width and height ({@code categoryIds},
 * {@code widths} and {@code heights} are null for suggestions). {@code complete} is false when an element
 * lacked one of these or had a value that is not a whole number; then only {@code count} is meaningful and the
 * project's checks read the entry instead ({@link ProjectRepairs}).
 */
record EntryKeys(int count, long[] ids, int[] categoryIds, int[] widths, int[] heights, boolean complete) {
    static final EntryKeys NONE = new EntryKeys(0, new long[0], new int[0], new int[0], new int[0], true);
}
