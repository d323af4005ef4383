package org.samannotator.core.auto;

import java.util.List;
import org.samannotator.core.geometry.Size;

/** The generator's output for one image: masks in SAM's output order, and what they cost. */
public record AmgResult(Size imageSize, List<GeneratedMask> masks, AmgStats stats) {
    public AmgResult {
        masks = List.copyOf(masks);
    }
}
