package org.samannotator.core.formats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.samannotator.core.annotation.AnnotationProject;
import org.samannotator.core.annotation.FolderLock;
import org.samannotator.core.annotation.ImageAnnotations;
import org.samannotator.core.annotation.ImageFolder;
import org.samannotator.core.annotation.ProjectStore;

/**
 * Export and import of a folder's saved project without the app (the {@code export} and {@code import}
 * commands). Import holds the folder's lock ({@link FolderLock}) while it reads, merges and saves, so it is
 * refused while the folder is open in the app, and saves the project atomically ({@link ProjectStore#save}).
 */
public final class FolderFormats {
    private FolderFormats() {
    }

    /** An import's report plus the load warning (a damaged project file that was moved aside), if any. */
    public record FolderImportReport(ProjectFormats.ImportReport report, Optional<String> loadWarning,
            boolean saved) {
    }

    /** Exports the folder's saved project (what the app last autosaved). */
    public static ProjectFormats.ExportReport exportFolder(Path folder, AnnotationFormat format, Path out,
            ExportOptions options) throws IOException {
        ProjectStore store = new ProjectStore(folder);
        if (!Files.isRegularFile(store.projectFile())) {
            throw new IOException(folder + " has no SAM Annotator project (" + store.projectFile()
                    + "); open the folder in the app and annotate first");
        }
        ProjectStore.LoadResult loaded = store.load();
        if (loaded.warning().isPresent()) {
            throw new IOException(loaded.warning().get());
        }
        List<String> damaged = loaded.data().images().stream().map(ImageAnnotations::readProblem)
                .flatMap(Optional::stream).toList();
        if (!damaged.isEmpty()) {
            throw new IOException(String.join("\n", damaged));
        }
        AnnotationProject project = new AnnotationProject(loaded.data());
        return ProjectFormats.export(project, folder, ImageFolder.listImages(folder), format, out, options);
    }

    /**
     * Merges the annotations at {@code source} into the folder's project (created when there is none).
     *
     * @throws FolderLock.FolderInUseException the folder is open in the app (nothing is changed)
     */
    public static FolderImportReport importFolder(Path folder, AnnotationFormat format, Path source)
            throws IOException {
        List<String> images = ImageFolder.listImages(folder);
        try (FolderLock lock = FolderLock.acquire(folder)) {
            ProjectStore store = new ProjectStore(folder);
            ProjectStore.LoadResult loaded = store.load();
            AnnotationProject project = new AnnotationProject(loaded.data());
            ProjectFormats.ImportReport report = ProjectFormats.importInto(project, folder, images, format, source);
            boolean changed = report.added().objects() > 0 || report.added().newCategories() > 0;
            if (changed) {
                store.save(project.snapshot());
            }
            return new FolderImportReport(report, loaded.warning(), changed);
        }
    }
}
