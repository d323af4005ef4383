package org.samannotator.gui.folder;

import java.nio.file.Path;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.samannotator.core.annotation.ImageStatus;

/**
 * One row of the folder list: thumbnail, file name, status (symbol and word) and object count. The nodes are
 * made once per cell and reused as the list scrolls; the thumbnail is asked for when the cell shows an image
 * whose thumbnail is not in memory, and the request is dropped when the cell moves on before it ran.
 */
final class ImageCell extends ListCell<ImageRow> {
    private static final double THUMB_WIDTH = 64;
    private static final double THUMB_HEIGHT = 48;

    private final FolderViewModel vm;
    private final ThumbnailLoader thumbnails;
    private final ImageView thumb = new ImageView();
    private final Label placeholder = new Label();
    private final Label name = new Label();
    private final Label status = new Label();
    private final Label count = new Label();
    private final Tooltip tooltip = new Tooltip();
    private final HBox box;
    private ThumbnailLoader.Request request;
    private Path shown;

    ImageCell(FolderViewModel vm, ThumbnailLoader thumbnails) {
        this.vm = vm;
        this.thumbnails = thumbnails;
        thumb.setFitWidth(THUMB_WIDTH);
        thumb.setFitHeight(THUMB_HEIGHT);
        thumb.setPreserveRatio(true);
        placeholder.getStyleClass().add("details");
        StackPane frame = new StackPane(placeholder, thumb);
        frame.setMinSize(THUMB_WIDTH, THUMB_HEIGHT);
        frame.setPrefSize(THUMB_WIDTH, THUMB_HEIGHT);
        frame.setMaxSize(THUMB_WIDTH, THUMB_HEIGHT);
        frame.getStyleClass().add("thumbnail-frame");
        name.setMinWidth(0);
        status.getStyleClass().add("status-text");
        count.getStyleClass().add("object-count");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox details = new HBox(6, status, spacer, count);
        details.setAlignment(Pos.CENTER_LEFT);
        VBox text = new VBox(2, name, details);
        text.setAlignment(Pos.CENTER_LEFT);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        box = new HBox(6, frame, text);
        box.setAlignment(Pos.CENTER_LEFT);
        setText(null);
    }

    @Override
    protected void updateItem(ImageRow row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            showThumbnail(null);
            setGraphic(null);
            setTooltip(null);
            return;
        }
        name.setText(row.fileName());
        status.setText(symbol(row.status()) + " " + row.status().displayName());
        status.getStyleClass().setAll("label", "status-text", "status-" + row.status().fileName().replace('_', '-'));
        count.setText(row.objectCount() == 0 ? "" : row.objectCount() + (row.objectCount() == 1 ? " object"
                : " objects"));
        tooltip.setText(row.fileName());
        setTooltip(tooltip);
        showThumbnail(vm.imagePath(row.fileName()).orElse(null));
        setGraphic(box);
    }

    private void showThumbnail(Path file) {
        if (file != null && file.equals(shown)) {
            return;
        }
        if (request != null) {
            request.cancel();
            request = null;
        }
        shown = file;
        thumb.setImage(null);
        placeholder.setText("");
        if (file == null) {
            return;
        }
        Optional<Image> cached = thumbnails.cached(file);
        if (cached.isPresent()) {
            thumb.setImage(cached.get());
        } else if (thumbnails.failed(file)) {
            placeholder.setText("?");
        } else {
            request = thumbnails.request(file, image -> {
                if (file.equals(shown)) {
                    request = null;
                    image.ifPresentOrElse(thumb::setImage, () -> placeholder.setText("?"));
                }
            });
        }
    }

    private static String symbol(ImageStatus status) {
        return switch (status) {
            case NOT_STARTED -> "\u25cb";
            case IN_PROGRESS -> "\u25d0";
            case DONE -> "\u25cf";
        };
    }
}
