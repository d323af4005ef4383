package org.samannotator.gui.canvas;

import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.prompt.Prompt;
import org.samannotator.core.prompt.PromptPoint;
import org.samannotator.gui.engine.ModelWorker;

/**
 * The hover preview: the mask a foreground click at the mouse position would give, decoded in the worker's
 * own latest-wins hover slot (it never delays a click). Results for another image, or arriving when the
 * preview no longer applies, are dropped.
 */
final class HoverPreview {
    private final ModelWorker worker;
    private final ReadOnlyStringProperty currentFile;
    private final ObjectProperty<BitMask> mask = new SimpleObjectProperty<>();

    HoverPreview(ModelWorker worker, ReadOnlyStringProperty currentFile) {
        this.worker = worker;
        this.currentFile = currentFile;
    }

    /** Asks for the preview at {@code p} (original image pixels); shown if {@code stillWanted} holds then. */
    void request(ImagePoint p, String file, BooleanSupplier stillWanted) {
        worker.hover(Prompt.ofPoints(List.of(PromptPoint.foreground(p.x(), p.y()))), prediction -> {
            if (file.equals(currentFile.get()) && stillWanted.getAsBoolean()) {
                mask.set(prediction.chosen().mask());
            }
        });
    }

    void clear() {
        mask.set(null);
    }

    ReadOnlyObjectProperty<BitMask> maskProperty() {
        return mask;
    }
}
