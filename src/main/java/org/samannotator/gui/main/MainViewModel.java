package org.samannotator.gui.main;

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
import org.samannotator.core.annotation.ImageStatus;
import org.samannotator.core.embedding.EmbeddingCache;
import org.samannotator.core.formats.AnnotationFormat;
import org.samannotator.core.formats.ExportOptions;
import org.samannotator.core.refine.ClickLevers;
import org.samannotator.core.segment.SegmenterSource;
import org.samannotator.core.settings.UserSettingsStore;
import org.samannotator.core.thumbnail.ThumbnailCache;
import org.samannotator.core.session.AnnotationSession;
import org.samannotator.core.session.FolderOutcome;
import org.samannotator.core.session.SessionChange;
import org.samannotator.core.session.SessionListener;
import org.samannotator.gui.canvas.CanvasViewModel;
import org.samannotator.gui.categories.CategoriesViewModel;
import org.samannotator.gui.folder.FolderViewModel;
import org.samannotator.gui.objects.ObjectsViewModel;
import org.samannotator.gui.status.StatusViewModel;
import org.samannotator.gui.tools.ToolsViewModel;

/**
 * The window's view model: creates the {@link AnnotationSession} and the feature view models bound to it,
 * and serves the window-level commands (open folder, next image, status, undo, export, close). Errors
 * the user must see (damaged project file, folder in use) are published in {@link #alertProperty()}.
 */
public final class MainViewModel implements AutoCloseable {
    private final AnnotationSession session;
    private final RecentFolders recent;
    private final ToolsViewModel tools = new ToolsViewModel();
    private final CanvasViewModel canvas;
    private final CategoriesViewModel categories;
    private final ObjectsViewModel objects;
    private final FolderViewModel folder;
    private final StatusViewModel status;
    private final ProjectExchange exchange;
    /** Exports and imports run here: one low-priority thread, so they never compete with the model thread. */
    private final java.util.concurrent.ExecutorService exchangeThread =
            java.util.concurrent.Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "export-import");
                thread.setDaemon(true);
                thread.setPriority(Thread.MIN_PRIORITY);
                return thread;
            });
    private final ObjectProperty<Path> openFolder = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> openingFolder = new SimpleObjectProperty<>();
    private final StringProperty alert = new SimpleStringProperty();
    private final StringProperty undoText = new SimpleStringProperty("Undo");
    private final StringProperty redoText = new SimpleStringProperty("Redo");
    private final ObservableList<Path> recentFolders = FXCollections.observableArrayList();
    private final LeaveProjectGuard leaveGuard;
    private final AppSettings settings;
    private final ThumbnailCache thumbnails;

    /** {@code cache} may be null. The session and every callback of background work run on {@code ui}. */
    public MainViewModel(SegmenterSource segmenter, EmbeddingCache cache, RecentFolders recent, Executor ui) {
        this(segmenter, cache, recent, null, Optional.empty(), new ThumbnailCache(null, ThumbnailCache.DEFAULT_LONGEST_SIDE),
                ui);
    }

    /**
     * As above, with the user's settings from {@code settingsStore} (null: the defaults, never saved) and the
     * levers of {@code -Dsamannotator.clickLevers} for this run, if given; the folder panel's thumbnails come from
     * {@code thumbnails}.
     */
    public MainViewModel(SegmenterSource segmenter, EmbeddingCache cache, RecentFolders recent,
            UserSettingsStore settingsStore, Optional<ClickLevers> commandLineLevers, ThumbnailCache thumbnails,
            Executor ui) {
        this.settings = new AppSettings(settingsStore, tools, commandLineLevers);
        this.thumbnails = thumbnails;
        this.session = new AnnotationSession(segmenter, cache, ui,
                new PreannotationProposer(() -> settings.current().generator()));
        this.recent = recent;
        this.canvas = new CanvasViewModel(session, tools);
        this.categories = new CategoriesViewModel(session);
        this.objects = new ObjectsViewModel(session);
        this.folder = new FolderViewModel(session);
        this.status = new StatusViewModel(session);
        this.exchange = new ProjectExchange(session, ui, exchangeThread);
        status.taskProperty().bind(exchange.taskProperty());
        this.leaveGuard = new LeaveProjectGuard(() -> session.autosaver().orElse(null));
        session.addListener(new SessionListener() {
            @Override
            public void sessionChanged(SessionChange change) {
                if (change == SessionChange.HISTORY) {
                    AnnotationProject project = session.project().orElse(null);
                    undoText.set(project == null ? "Undo" : project.undoDescription().map(d -> "Undo " + d).orElse("Undo"));
                    redoText.set(project == null ? "Redo" : project.redoDescription().map(d -> "Redo " + d).orElse("Redo"));
                } else if (change == SessionChange.FOLDER) {
                    openFolder.set(session.folder().orElse(null));
                } else if (change == SessionChange.ALERT && !session.status().alert().isEmpty()) {
                    alert.set(session.status().alert());
                }
            }
        });
        recentFolders.setAll(recent.list());
    }

    /** Opens a folder now (see {@link #openFolder(Path, Optional)}). */
    public boolean openFolder(Path path) {
        return openFolder(path, Optional.empty());
    }

    /**
     * Opens a folder now, on {@code startImage} (when in it), else where the project was left, else on the
     * first image not done. Returns false (with an alert) when it cannot be read or another window has it
     * open; unsaved changes of the folder open now are saved first (see {@link #saveFailureProperty()}).
     */
    public boolean openFolder(Path path, Optional<String> startImage) {
        FolderOutcome outcome = session.openFolder(path, startImage,
                () -> leaveGuard.savedBeforeLeaving(() -> openFolder(path, startImage)));
        return opened(outcome, startImage);
    }

    /**
     * The window's way to open a folder (File > Open, recent folders, the start page, the command line): as
     * {@link #openFolder(Path, Optional)}, but the folder is read on a background thread, so the window stays
     * responsive while a large project is read (the status bar says "Opening FOLDER..."); the folder open now
     * stays usable until then. Only the latest request is carried out.
     */
    public void openFolderInBackground(Path path, Optional<String> startImage) {
        session.openFolderInBackground(path,
                () -> leaveGuard.savedBeforeLeaving(() -> openFolderInBackground(path, startImage)),
                outcome -> {
                    openingFolder.set(session.openingFolder().orElse(null));
                    opened(outcome, startImage);
                });
        openingFolder.set(session.openingFolder().orElse(null));
    }

    /** The folder being read for {@link #openFolderInBackground}, null when none is. */
    public ReadOnlyObjectProperty<Path> openingFolderProperty() {
        return openingFolder;
    }

    /** {@link #openFolderInBackground(Path, Optional)} on the image where the project was left. */
    public void openFolderInBackground(Path path) {
        openFolderInBackground(path, Optional.empty());
    }

    private boolean opened(FolderOutcome outcome, Optional<String> startImage) {
        outcome.alert().ifPresent(alert::set);
        if (outcome.opened()) {
            session.folder().ifPresent(recent::add);
            recentFolders.setAll(recent.list());
            session.openStartImage(startImage, folder::firstNotDone);
        }
        return outcome.opened();
    }

    /** D / PageDown and A / PageUp: the next or previous image of the (filtered) list. */
    public void nextImage(int step) {
        folder.neighbour(session.currentFile().orElse(null), step).ifPresent(session::openImage);
    }

    /** Ctrl+Enter: accepts the candidate first (waiting for its decode), then marks the image done and opens the next. */
    public void markDoneAndNext() {
        session.acceptThen(() -> {
            setCurrentStatus(ImageStatus.DONE);
            nextImage(1);
        });
    }

    public void setCurrentStatus(ImageStatus newStatus) {
        session.currentFile().ifPresent(file -> folder.setStatus(file, newStatus));
    }

    /** Cycles the current image's status: not started, in progress, done. */
    public void cycleCurrentStatus() {
        session.currentFile().ifPresent(file -> folder.setStatus(file, session.current().status().next()));
    }

    public void accept() {
        session.accept();
    }

    public void discard() {
        session.discard();
    }

    public void cycleAlternative() {
        session.cycleAlternative();
    }

    public void undo() {
        session.undo();
    }

    /** Image > Pre-annotate (Ctrl+G). */
    public void preannotate() {
        session.suggestions().preannotate();
    }

    /** Image > Pre-annotate folder (Ctrl+Shift+G). */
    public void preannotateFolder() {
        session.suggestions().preannotateFolder();
    }

    public void cancelPreannotation() {
        session.suggestions().cancelPreannotation();
    }

    public void redo() {
        session.redo();
    }

    /**
     * Exports the open folder in {@code format} to {@code out} (a file for COCO, a folder for the others)
     * without blocking the UI thread; {@code onDone} gets whether it worked and the sentence, on the UI executor.
     */
    public void export(AnnotationFormat format, Path out, ExportOptions options, Consumer<ProjectExchange.Outcome> onDone) {
        exchange.export(format, out, options, onDone);
    }

    /**
     * Imports {@code source} in {@code format} into the open folder (one undoable edit): the files are read in
     * the background, then added on the UI executor; {@code onDone} gets the outcome there.
     */
    public void importFrom(AnnotationFormat format, Path source, Consumer<ProjectExchange.Outcome> onDone) {
        exchange.importFrom(format, source, onDone);
    }

    public String statisticsText() {
        return exchange.statisticsText();
    }

    /** Writes any pending save now (used by tests). */
    public void flushSaves() {
        session.flushSaves();
    }

    /**
     * The window asks to close: saves unsaved changes first. Returns true when the app may close now; false
     * when the save failed and the user must decide ({@link #saveFailureProperty()}); {@code closeWindow}
     * runs later if the user then closes anyway.
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

    public void resolveSaveFailure(UnsavedChangesDecision decision) {
        leaveGuard.resolve(decision);
    }

    @Override
    public void close() {
        exchangeThread.shutdown();
        session.close();
    }

    /** Closes the folder now and the model in the background (never blocks the FX thread on the model). */
    public void closeWithoutWaiting() {
        exchangeThread.shutdown();
        session.closeWithoutWaiting();
    }

    public AnnotationSession session() {
        return session;
    }

    /** The user's settings (tools, window layout, generator parameters, per-click levers). */
    public AppSettings settings() {
        return settings;
    }

    /** Where the folder panel's thumbnails are made and cached (call off the UI thread). */
    public ThumbnailCache thumbnails() {
        return thumbnails;
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

    public ReadOnlyStringProperty undoTextProperty() {
        return undoText;
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText;
    }

    /** A message the view shows in a dialog and then clears. */
    public StringProperty alertProperty() {
        return alert;
    }

    /** Non-null while saving before leaving failed: the view asks Retry / Close without saving / Cancel. */
    public ReadOnlyStringProperty saveFailureProperty() {
        return leaveGuard.failureProperty();
    }

    public ObservableList<Path> recentFolders() {
        return recentFolders;
    }
}
