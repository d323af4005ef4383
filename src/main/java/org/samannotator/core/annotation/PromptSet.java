package org.samannotator.core.annotation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.samannotator.core.geometry.Box;
import org.samannotator.core.prompt.LowResMask;
import org.samannotator.core.prompt.Prompt;
import org.samannotator.core.prompt.PromptPoint;

/**
 * The prompts an annotator gave for one object: points and an optional box, all in ORIGINAL image pixel
 * coordinates (x right, y down). May be empty (an object painted with the brush only). Immutable.
 */
public record PromptSet(List<PromptPoint> points, Optional<Box> box) {
    public static final PromptSet EMPTY = new PromptSet(List.of(), Optional.empty());

    public PromptSet {
        points = List.copyOf(points);
        box = box == null ? Optional.empty() : box;
    }

    public boolean isEmpty() {
        return points.isEmpty() && box.isEmpty();
    }

    public PromptSet withPoint(PromptPoint point) {
        List<PromptPoint> more = new ArrayList<>(points);
        more.add(point);
        return new PromptSet(more, box);
    }

    public PromptSet withoutPoint(int index) {
        List<PromptPoint> fewer = new ArrayList<>(points);
        fewer.remove(index);
        return new PromptSet(fewer, box);
    }

    public PromptSet withBox(Box newBox) {
        return new PromptSet(points, Optional.of(newBox));
    }

    public PromptSet withoutBox() {
        return new PromptSet(points, Optional.empty());
    }

    /** The decoder prompt; {@code previous} (may be null) is the low-res mask of the last result. */
    public Prompt toPrompt(LowResMask previous) {
        return new Prompt(points, box, Optional.ofNullable(previous));
    }
}
