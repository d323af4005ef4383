package org.samannotator.core.prompt;

import java.util.List;
import java.util.Optional;
import org.samannotator.core.geometry.Box;

/**
 * Everything the decoder is asked with: points and an optional box (original pixel coordinates), and an
 * optional previous low-res mask for refinement.
 */
public record Prompt(List<PromptPoint> points, Optional<Box> box, Optional<LowResMask> previousMask) {
    public Prompt {
        points = List.copyOf(points);
        if (points.isEmpty() && box.isEmpty()) {
            throw new IllegalArgumentException("a prompt needs at least one point or a box");
        }
    }

    public static Prompt ofPoints(List<PromptPoint> points) {
        return new Prompt(points, Optional.empty(), Optional.empty());
    }

    public Prompt withPreviousMask(LowResMask mask) {
        return new Prompt(points, box, Optional.ofNullable(mask));
    }
}
