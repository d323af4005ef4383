package org.samannotator.gui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.stage.Stage;
import org.samannotator.core.embedding.EmbeddingCache;
import org.samannotator.core.model.ModelDirectory;
import org.samannotator.core.refine.ClickLevers;
import org.samannotator.core.refine.InstalledSegmenterSource;
import org.samannotator.core.settings.UserSettingsStore;
import org.samannotator.core.thumbnail.ThumbnailCache;
import org.samannotator.gui.concurrent.FxUiExecutor;
import org.samannotator.gui.main.MainViewModel;
import org.samannotator.gui.main.MainWindow;
import org.samannotator.gui.main.RecentFolders;

/** The JavaFX application: builds the main view model and window; the unnamed parameters are a folder and optionally the image to start on. */
public final class SamAnnotatorApp extends Application {
    private MainViewModel viewModel;

    @Override
    public void start(Stage stage) {
        HeapFootprint.applyInBackground();
        Thread formats = new Thread(org.samannotator.core.image.ImageLoader::prepareFormats, "image-formats");
        formats.setDaemon(true);
        formats.start(); // the first folder listing would otherwise wait for it
        FxUiExecutor ui = new FxUiExecutor();
        EmbeddingCache cache = openCache();
        Optional<String> leverProblem = Optional.empty();
        Optional<ClickLevers> commandLineLevers = Optional.empty();
        try {
            commandLineLevers = InstalledSegmenterSource.leversFromCommandLine();
        } catch (IllegalArgumentException e) {
            leverProblem = Optional.of(e.getMessage() + "; the levers of your settings are used.");
        }
        viewModel = new MainViewModel(
                new InstalledSegmenterSource(ModelDirectory.locate(), text -> ui.execute(() ->
                        viewModel.status().modelProperty().set(text)), () -> viewModel.settings().clickLevers()),
                cache, RecentFolders.inUserHome(), UserSettingsStore.inUserConfigDirectory(), commandLineLevers,
                ThumbnailCache.openDefault(), ui);
        boundEmbeddingCache(cache);
        MainWindow window = new MainWindow(viewModel, stage);
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            org.slf4j.LoggerFactory.getLogger(SamAnnotatorApp.class).error("Uncaught exception on thread {}",
                    thread.getName(), error);
            ui.execute(() -> viewModel.alertProperty().set("Unexpected error (" + error.getClass().getSimpleName()
                    + "): " + error.getMessage() + "\n" + saveSentence() + " The app keeps running."));
        });
        stage.show();
        window.canvasView().requestFocus();
        Optional<String> startProblem = viewModel.settings().loadProblem().isPresent()
                ? viewModel.settings().loadProblem() : leverProblem;
        startProblem.ifPresent(viewModel.alertProperty()::set);
        List<String> args = getParameters().getUnnamed();
        if (!args.isEmpty()) {
            viewModel.openFolderInBackground(Path.of(args.get(0)), args.size() > 1 ? Optional.of(args.get(1)) : Optional.empty());
        }
    }

    /** Says the annotations are saved only when the latest save did not fail. */
    private String saveSentence() {
        if (viewModel.status().saveFailedProperty().get()) {
            return "Your last changes could not be saved: " + viewModel.status().saveProperty().get() + ".";
        }
        return "Your annotations are saved after every change.";
    }

    /** Keeps the on-disk embedding cache within the user's bound (Edit > Preferences, "Memory"). */
    private void boundEmbeddingCache(EmbeddingCache cache) {
        if (cache != null) {
            cache.setMaxBytes(viewModel.settings().current().memory().embeddingCacheBytes());
            viewModel.settings().settingsProperty().addListener((obs, old, now) ->
                    cache.setMaxBytes(now.memory().embeddingCacheBytes()));
        }
    }

    private static EmbeddingCache openCache() {
        try {
            return EmbeddingCache.openDefault();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(SamAnnotatorApp.class)
                    .warn("No embedding cache (every image is encoded when opened): {}", e.toString());
            return null;
        }
    }

    @Override
    public void stop() {
        if (viewModel != null) {
            viewModel.closeWithoutWaiting();
        }
    }
}
