package org.samannotator.gui.canvas;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.samannotator.core.annotation.Suggestion;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;

/**
 * The model's suggestions on the canvas, in a style of their own so they never look like accepted objects:
 * outline only, in one fixed colour (no fill) until accepted; the selected suggestion gets a light fill and a
 * white outline. An imported box still waiting for its decode is drawn as a dashed box. The masks are drawn
 * through a {@link MaskSurface}, repainted only when the suggestions, the selection or the outline width
 * change.
 */
final class SuggestionLayer {
    /** Outline colour of suggestions: a cyan no category colour uses. */
    static final int OUTLINE_RGB = 0x00e5ff;
    private static final Color BOX_COLOUR = Color.web("#00e5ff");

    private final MaskSurface surface;

    SuggestionLayer(MaskSurface surface) {
        this.surface = surface;
    }

    /**
     * Draws the suggestions; {@code editing} is the suggestion being edited as the candidate (not drawn), or
     * null; {@code outline} in image pixels.
     */
    void draw(GraphicsContext g, Viewport view, double width, double height, List<Suggestion> suggestions,
            Long selected, Long editing, int outline, Size imageSize) {
        Object key = List.of(suggestions, String.valueOf(selected), String.valueOf(editing), outline);
        surface.draw(g, key, () -> paints(suggestions, selected, editing, outline, imageSize), view, width, height);
    }

    /** What to paint for the suggestions (those with a mask of the image's size), in order. */
    static List<MaskPaint> paints(List<Suggestion> suggestions, Long selected, Long editing, int outline,
            Size imageSize) {
        List<MaskPaint> paints = new ArrayList<>();
        for (Suggestion s : suggestions) {
            BitMask mask = s.mask().orElse(null);
            if (mask == null || Long.valueOf(s.id()).equals(editing) || !mask.size().equals(imageSize)) {
                continue;
            }
            boolean isSelected = Long.valueOf(s.id()).equals(selected);
            paints.add(new MaskPaint(mask, isSelected ? MaskLayer.argb(OUTLINE_RGB, 0.3) : 0,
                    isSelected ? 0xFFFFFFFF : MaskLayer.argb(OUTLINE_RGB, 0.95), isSelected ? outline + 1 : outline));
        }
        return paints;
    }

    /** The dashed boxes of imported boxes whose masks are still being decoded (screen space). */
    static void drawPendingBoxes(GraphicsContext g, Viewport view, List<Suggestion> suggestions) {
        for (Suggestion s : suggestions) {
            if (s.isPending()) {
                s.prompts().box().ifPresent(box -> CanvasPainter.drawBox(g, view, box, BOX_COLOUR));
            }
        }
    }
}
