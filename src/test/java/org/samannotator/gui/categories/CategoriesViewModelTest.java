package org.samannotator.gui.categories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;
import java.util.Optional;
import org.samannotator.core.session.AnnotationSession;
import org.samannotator.core.session.FakeSegmenter;
import org.samannotator.gui.QueueExecutor;
import org.samannotator.core.annotation.AnnotationProject;
import org.samannotator.core.annotation.CategoryDeletion;

class CategoriesViewModelTest {
    @TempDir
    Path folder;
    private final QueueExecutor ui = new QueueExecutor();
    private final AnnotationSession session = new AnnotationSession(FakeSegmenter::new, null, ui);
    private final CategoriesViewModel vm = new CategoriesViewModel(session);
    private AnnotationProject project;

    @BeforeEach
    void openFolder() {
        assertTrue(session.openFolder(folder, Optional.empty(), () -> true).opened());
        project = session.project().orElseThrow();
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void aNewProjectGetsADefaultCategoryAndNumberKeysPickCategories() {
        assertEquals("object", vm.current().orElseThrow().name());
        vm.add("cat");
        vm.add("dog");
        assertEquals("dog", vm.current().orElseThrow().name(), "a new category becomes current");
        assertEquals(vm.current().orElseThrow().id(), session.currentCategoryId(), "the session follows");
        vm.selectNumber(2);
        assertEquals("cat", vm.current().orElseThrow().name());
        vm.selectNumber(9);
        assertEquals("cat", vm.current().orElseThrow().name(), "no 9th category: unchanged");
        assertTrue(vm.categories().get(1).rgb() != vm.categories().get(2).rgb(), "distinct colours");
    }

    @Test
    void renameRecolourAndDeleteAreUndoableAndKeepTheCurrentCategoryValid() {
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
