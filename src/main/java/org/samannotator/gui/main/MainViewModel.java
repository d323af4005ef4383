package org.samannotator.gui.main;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.samannotator.core.annotation.AnnotationProject;
import org.samannotator.core.annotation.CocoExchange;
import org.samannotator.core.annotation.FolderLock;
import org.samannotator.core.coco.SegmentationEncoding;
import org.samannotator.core.annotation.ImageFolder;
import org.samannotator.core.annotation.ImageStatus;
import org.samannotator.core.annotation.ProjectAutosaver;
import org.samannotator.core.annotation.ProjectFileException;
import org.samannotator.core.annotation.ProjectStatistics;
import org.samannotator.core.annotation.ProjectStore;
import org.samannotator.core.annotation.SaveStatus;
import org.samannotator.core.embedding.EmbeddingCache;
import org.samannotator.gui.canvas.CanvasViewModel;
import org.samannotator.gui.categories.CategoriesViewModel;
import org.samannotator.gui.engine.ModelWorker;
import org.samannotator.gui.engine.PredictorSource;
import org.samannotator.gui.folder.FolderViewModel;
import org.samannotator.gui.objects.ObjectsViewModel;
import org.samannotator.gui.status.StatusViewModel;
import org.samannotator.gui.tools.ToolsViewModel;

/**
 * The app's top-level view model: opens folders (listing images, restoring the project file, starting
 * autosave), owns the model worker and wires the feature view models together. Errors that the user must
 * see (damaged project file, unreadable folder) are published in {@link #alertProperty()}.
 */
public final class MainViewModel implements AutoCloseable {
    /** Images pre-encoded after the current one. */
    public static final int PRE_ENCODE_COUNT = 3;

    private final Executor ui;
    private final ModelWorker worker;
    private final RecentFolders recent;
    private final ToolsViewModel tools = new ToolsViewModel();
    private final CanvasViewModel canvas;
    private final CategoriesViewModel categories = new CategoriesViewModel();
    private final ObjectsViewModel objects;
    private final FolderViewModel folder = new FolderViewModel();
    private final StatusViewModel status = new StatusViewModel();
    private final ObjectProperty<Path> openFolder = new SimpleObjectProperty<>();
    private final StringProperty alert = new SimpleStringProperty();
    private final ObservableList<Path> recentFolders = FXCollections.observableArrayList();
    private final LeaveProjectGuard leaveGuard = new LeaveProjectGuard(() -> this.autosaver);
    private ProjectAutosaver autosaver;
    private FolderLock folderLock;
    private boolean closed;

    /** {@code cache} may be null. Callbacks of background work run on {@code ui}. */
    public MainViewModel(PredictorSource predictorSource, EmbeddingCache cache, RecentFolders recent, Executor ui) {
        this.ui = ui;
        this.recent = recent;
        this.worker = new ModelWorker(predictorSource, cache, ui, status::modelStatus);
        this.canvas = new CanvasViewModel(worker, tools);
        this.objects = new ObjectsViewModel(canvas);
        canvas.setUpcomingImages(() -> folder.upcoming(canvas.currentFileProperty().get(), PRE_ENCODE_COUNT));
        categories.currentProperty().addListener((obs, old, now) ->
                canvas.currentCategoryIdProperty().set(now == null ? 0 : now.id()));
        recentFolders.setAll(recent.list());
    }

    /**
     * Opens a folder: lists its images, restores its project (annotations, categories, the image that was
     * open) and opens that image, or the first one not done. Returns false (with an alert) on failure, also
     * when another SAM Annotator window has the folder open (its {@link FolderLock} is held): the folder is
     * then not opened at all. Unsaved changes of the folder open now are saved first (see
     * {@link #saveFailureProperty()}).
     */
    public boolean openFolder(Path path) {
        return openFolder(path, Optional.empty());
    }

    /** Opens a folder as {@link #openFolder(Path)} does, but starts on {@code startImage} when it is in the folder. */
    public boolean openFolder(Path path, Optional<String> startImage) {
        Path dir = path.toAbsolutePath().normalize();
        List<String> files;
        ProjectStore.LoadResult loaded;
        ProjectStore store = new ProjectStore(dir);
        boolean sameFolder = dir.equals(openFolder.get()) && folderLock != null;
        FolderLock newLock = null;
        try {
            files = ImageFolder.listImages(dir);
            newLock = sameFolder ? folderLock : lockFolder(dir);
            loaded = store.load();
        } catch (FolderLock.FolderInUseException e) {
            alert.set(e.getMessage() + "\nIt was not opened here, so the two windows cannot overwrite each"
                    + " other's annotations.");
            return false;
        } catch (IOException | ProjectFileException e) {
            releaseUnless(newLock, sameFolder);
            alert.set("Cannot open folder " + dir + ": " + e.getMessage());
            return false;
        }
        if (!leaveGuard.savedBeforeLeaving(() -> openFolder(path, startImage))) {
            releaseUnless(newLock, sameFolder);
            return false;
        }
        if (sameFolder) {
            folderLock = null; // kept: closeAutosaver must not release it
        }
        closeAutosaver();
        folderLock = newLock;
        show(dir, store, loaded, files, startImage);
        return true;
    }

    /** Makes the loaded project the open one and opens its start image. */
    private void show(Path dir, ProjectStore store, ProjectStore.LoadResult loaded, List<String> files,
            Optional<String> startImage) {
        loaded.warning().ifPresent(alert::set);
        AnnotationProject project = new AnnotationProject(loaded.data());
        autosaver = new ProjectAutosaver(project, store, s -> ui.execute(() -> status.saveStatus(s)));
        status.saveStatus(SaveStatus.saved());
        canvas.setProject(project, dir);
        categories.setProject(project);
        folder.setProject(project, dir, files);
        openFolder.set(dir);
        recent.add(dir);
        recentFolders.setAll(recent.list());
        Optional<String> start = startImage.filter(folder::contains)
                .or(() -> project.currentImage().filter(folder::contains)).or(folder::firstNotDone);
        start.ifPresentOrElse(canvas::openImage, () -> canvas.messageProperty().set("No images in " + dir));
    }

    /** D / PageDown and A / PageUp: the next or previous image of the (filtered) list. */
    public void nextImage(int step) {
        folder.neighbour(canvas.currentFileProperty().get(), step).ifPresent(canvas::openImage);
    }

    /**
     * Ctrl+Enter: accepts the candidate first (waiting for its decode), then marks the image done and opens
     * the next one; nothing moves when the candidate cannot be accepted (the canvas message says why).
     */
    public void markDoneAndNext() {
        canvas.acceptThen(() -> {
            setCurrentStatus(ImageStatus.DONE);
            nextImage(1);
        });
    }

    /** Sets the current image's status (keys: N not started, I in progress, Space/Ctrl+D done...). */
    public void setCurrentStatus(ImageStatus newStatus) {
        folder.setStatus(canvas.currentFileProperty().get(), newStatus);
    }

    /** Cycles the current image's status: not started, in progress, done. */
    public void cycleCurrentStatus() {
        String file = canvas.currentFileProperty().get();
        canvas.project().ifPresent(p -> {
            if (file != null) {
                folder.setStatus(file, p.image(file).status().next());
            }
        });
    }

    /**
     * Exports the open folder as COCO JSON to {@code target} (RLE, or polygons with holes); returns a
     * sentence for the user, also on failure (never throws).
     */
    public String exportCoco(Path target, boolean polygons) {
        AnnotationProject project = canvas.project().orElse(null);
        if (project == null) {
            return "No folder is open.";
        }
        return export(project, openFolder.get(), folder.allFiles(), target, polygons);
    }

    private static String export(AnnotationProject project, Path dir, List<String> files, Path target,
            boolean polygons) {
        try {
            CocoExchange.ExportSummary summary = CocoExchange.export(project, dir, files,
                    target, polygons ? SegmentationEncoding.POLYGONS : SegmentationEncoding.RLE);
            String skipped = summary.unreadableImages().isEmpty() ? ""
                    : " " + summary.unreadableImages().size() + " unreadable images were left out.";
            return "Exported " + summary.annotations() + " objects of " + summary.images() + " images to " + target
                    + "." + skipped;
        } catch (IOException | RuntimeException e) {
            return "Export failed: " + e.getMessage();
        }
    }

    /**
     * Exports as {@link #exportCoco} does without blocking the calling (UI) thread: the project is copied
     * here, the file is written on a background thread, and {@code onDone} gets the sentence on the UI executor.
     */
    public void exportCocoInBackground(Path target, boolean polygons, Consumer<String> onDone) {
        AnnotationProject project = canvas.project().orElse(null);
        if (project == null) {
            onDone.accept("No folder is open.");
            return;
        }
        AnnotationProject copy = new AnnotationProject(project.snapshot());
        Path dir = openFolder.get();
        List<String> files = folder.allFiles();
        Thread exporter = new Thread(() -> {
            String message = export(copy, dir, files, target, polygons);
            ui.execute(() -> onDone.accept(message));
        }, "coco-export");
        exporter.setDaemon(true);
        exporter.start();
    }

    /** Imports a COCO JSON file into the open folder (undoable); returns a sentence for the user. */
    public String importCoco(Path source) {
        AnnotationProject project = canvas.project().orElse(null);
        if (project == null) {
            return "No folder is open.";
        }
        try {
            CocoExchange.ImportSummary summary = CocoExchange.importFile(project, openFolder.get(),
                    folder.allFiles(), source);
            String missing = summary.missingImages().isEmpty() ? ""
                    : " " + summary.missingImages().size() + " images of the file are not in this folder.";
            String mismatched = summary.mismatchedImages().isEmpty() ? ""
                    : " Skipped " + summary.mismatchedImages().size() + " images whose size differs: "
                    + String.join(", ", summary.mismatchedImages().subList(0,
                            Math.min(5, summary.mismatchedImages().size())))
                    + (summary.mismatchedImages().size() > 5 ? ", ..." : "") + ".";
            return "Imported " + summary.objects() + " objects into " + summary.images() + " images ("
                    + summary.newCategories() + " new categories)." + missing + mismatched;
        } catch (IOException | RuntimeException e) {
            return "Import failed: " + e.getMessage();
        }
    }

    /** The statistics dialog's text for the open folder. */
    public String statisticsText() {
        var latency = canvas.latency();
        String clicks = latency.samples().isEmpty() ? ""
                : String.format("%nClick to overlay (this session): median %.0f ms over %d prompts",
                        latency.median(), latency.samples().size());
        return canvas.project().map(p -> ProjectStatistics.of(p, folder.allFiles()).describe() + clicks)
                .orElse("No folder is open.");
    }

    /** Writes any pending save now (used by tests); an autosave that does not finish in time is ignored. */
    public void flushSaves() {
        if (autosaver != null) {
            try {
                autosaver.flush();
            } catch (IllegalStateException e) {
                // The status bar shows the save state; leaving the project checks it again.
            }
        }
    }

    /**
     * The window asks to close: saves unsaved changes first. Returns true when the app may close now (this
     * view model is then closed); false when the save failed and the user must decide (see
     * {@link #saveFailureProperty()}); {@code closeWindow} runs later if the user then closes anyway.
     */
    public boolean requestClose(Runnable closeWindow) {
        if (!leaveGuard.savedBeforeLeaving(() -> {
            closeWithoutWaiting();
            closeWindow.run();
        })) {
            return false;
        }
        closeWithoutWaiting();
        return true;
    }

    /** The user's answer to a failed save shown from {@link #saveFailureProperty()}. */
    public void resolveSaveFailure(UnsavedChangesDecision decision) {
        leaveGuard.resolve(decision);
    }

    /**
     * Locks the folder against other SAM Annotator windows; null (unlocked) when the lock file cannot be
     * created, e.g. in a read-only folder, where saving reports its own failure.
     */
    private static FolderLock lockFolder(Path dir) throws FolderLock.FolderInUseException {
        try {
            return FolderLock.acquire(dir);
        } catch (FolderLock.FolderInUseException e) {
            throw e;
        } catch (IOException e) {
            return null;
        }
    }

    private static void releaseUnless(FolderLock lock, boolean kept) {
        if (lock != null && !kept) {
            lock.close();
        }
    }

    /** Stops autosaving (waiting for pending saves) and releases the folder lock. */
    private void closeAutosaver() {
        if (autosaver != null) {
            autosaver.close();
            autosaver = null;
        }
        if (folderLock != null) {
            folderLock.close();
            folderLock = null;
        }
    }

    /** Closes the project (waiting for saves) and the model worker (waiting for its threads). */
    @Override
    public void close() {
        closeAutosaver();
        if (!closed) {
            closed = true;
            worker.close();
        }
    }

    /**
     * Closes as {@link #close()} does but never blocks the calling (FX) thread on the model: saves are
     * flushed here, the worker is closed on a background daemon thread.
     */
    public void closeWithoutWaiting() {
        closeAutosaver();
        if (!closed) {
            closed = true;
            Thread closer = new Thread(worker::close, "sam-model-close");
            closer.setDaemon(true);
            closer.start();
        }
    }

    public ToolsViewModel tools() {
        return tools;
    }

    public CanvasViewModel canvas() {
        return canvas;
    }

    public CategoriesViewModel categories() {
        return categories;
    }

    public ObjectsViewModel objects() {
        return objects;
    }

    public FolderViewModel folder() {
        return folder;
    }

    public StatusViewModel status() {
        return status;
    }

    public ReadOnlyObjectProperty<Path> openFolderProperty() {
        return openFolder;
    }

    /** A message the view shows in a dialog and then clears. */
    public StringProperty alertProperty() {
        return alert;
    }

    /**
     * Non-null when saving before leaving the project (closing, opening another folder) failed: the text
     * says so with the reason; the view asks Retry / Close without saving / Cancel and calls
     * {@link #resolveSaveFailure}.
     */
    public ReadOnlyStringProperty saveFailureProperty() {
        return leaveGuard.failureProperty();
    }

    public ObservableList<Path> recentFolders() {
        return recentFolders;
    }
}
