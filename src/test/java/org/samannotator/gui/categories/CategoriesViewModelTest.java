package org.samannotator.gui.categories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.samannotator.core.annotation.AnnotationProject;
import org.samannotator.core.annotation.CategoryDeletion;
import org.samannotator.core.annotation.ProjectData;

class CategoriesViewModelTest {
    private final AnnotationProject project = new AnnotationProject(ProjectData.empty());
    private final CategoriesViewModel vm = new CategoriesViewModel();

    @Test
    void aNewProjectGetsADefaultCategoryAndNumberKeysPickCategories() {
        vm.setProject(project);
        assertEquals("object", vm.current().orElseThrow().name());
        vm.add("cat");
        vm.add("dog");
        assertEquals("dog", vm.current().orElseThrow().name(), "a new category becomes current");
        vm.selectNumber(2);
        assertEquals("cat", vm.current().orElseThrow().name());
        vm.selectNumber(9);
        assertEquals("cat", vm.current().orElseThrow().name(), "no 9th category: unchanged");
        assertTrue(vm.categories().get(1).rgb() != vm.categories().get(2).rgb(), "distinct colours");
    }

    @Test
    void renameRecolourAndDeleteAreUndoableAndKeepTheCurrentCategoryValid() {
        vm.setProject(project);
        int cat = vm.add("cat").id();
        vm.rename(cat, "kitten");
        vm.recolour(cat, 0x010203);
        assertEquals("kitten", vm.categories().get(1).name());
        assertEquals(0x010203, vm.categories().get(1).rgb());
        assertEquals("No object uses \"kitten\".", vm.deletionImpact(cat));
        vm.delete(cat, CategoryDeletion.deleteObjects());
        assertEquals(1, vm.categories().size());
        assertEquals("object", vm.current().orElseThrow().name(), "current moved to an existing category");
        project.undo();
        assertEquals("kitten", vm.categories().get(1).name());
    }
}
