package org.samannotator.core.session;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.samannotator.core.annotation.AnnotationProject;
import org.samannotator.core.annotation.FolderLock;
import org.samannotator.core.annotation.ProjectAutosaver;
import org.samannotator.core.annotation.ProjectListener;

/**
 * The session's open folder: its image files, its project with the autosaver writing it, and the lock that
 * keeps other windows out. Closing it waits for pending saves and releases the lock.
 */
final class OpenFolder {
    private final Path folder;
    private final List<String> files;
    private final Set<String> fileSet;
    private final AnnotationProject project;
    private final ProjectAutosaver autosaver;
    private final FolderLock lock;
    private final ProjectListener listener;

    OpenFolder(Path folder, List<String> files, AnnotationProject project, ProjectAutosaver autosaver, FolderLock lock,
            ProjectListener listener) {
        this.folder = folder;
        this.files = List.copyOf(files);
        this.fileSet = new HashSet<>(files);
        this.project = project;
        this.autosaver = autosaver;
        this.lock = lock;
        this.listener = listener;
        project.addListener(listener);
    }

    /**
     * Makes a prepared folder the open one: its project (with a default category when it has none) and an
     * autosaver reporting to {@code saveStatus} (called on the autosaver's thread).
     */
    static OpenFolder start(FolderOpening opening, ProjectListener listener,
            java.util.function.Consumer<org.samannotator.core.annotation.SaveStatus> saveStatus) {
        AnnotationProject project = new AnnotationProject(opening.loaded().data());
        if (project.categories().isEmpty()) {
            project.addCategory("object", org.samannotator.core.annotation.CategoryPalette.colour(0));
        }
        ProjectAutosaver autosaver = new ProjectAutosaver(project, opening.store(), saveStatus);
        return new OpenFolder(opening.folder(), opening.files(), project, autosaver, opening.lock(), listener);
    }

    Path folder() {
        return folder;
    }

    List<String> files() {
        return files;
    }

    boolean contains(String file) {
        return fileSet.contains(file);
    }

    AnnotationProject project() {
        return project;
    }

    ProjectAutosaver autosaver() {
        return autosaver;
    }

    FolderLock lock() {
        return lock;
    }

    /** Stops autosaving (waiting for pending saves) and releases the lock unless it is {@code kept}. */
    void close(FolderLock kept) {
        project.removeListener(listener);
        autosaver.close();
        if (lock != null && lock != kept) {
            lock.close();
        }
    }
}
