package org.samannotator.core.annotation;

/**
 * What happens to the objects of a deleted category: they are deleted too, or moved to another category.
 * {@code targetCategoryId} is used only with {@link Policy#REASSIGN}.
 */
public record CategoryDeletion(Policy policy, int targetCategoryId) {
    /** Policy for the objects of a deleted category. */
    public enum Policy { DELETE_OBJECTS, REASSIGN }

    public static CategoryDeletion deleteObjects() {
        return new CategoryDeletion(Policy.DELETE_OBJECTS, 0);
    }

    public static CategoryDeletion reassignTo(int categoryId) {
        return new CategoryDeletion(Policy.REASSIGN, categoryId);
    }
}
