package org.samannotator.core.auto;

import java.util.List;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.sam.MultimaskOutput;

/**
 * The decoder as the generator sees it, for one crop: single foreground point prompts in the crop's
 * pixels, answered with SAM's multimask output (low-res logits in the crop's 1024 model frame / 4).
 * Production: {@link SamCropDecoders}; an app can wrap it to queue these calls behind the user's own.
 */
public interface PointDecoder extends AutoCloseable {
    /** The crop's size in pixels (the frame the points and the upsampled masks are in). */
    Size frame();

    /** One output per point, in order. */
    List<MultimaskOutput> decode(List<ImagePoint> pointsInCrop);

    /** Releases what the crop needed (e.g. its embedding); the whole-image decoder keeps the caller's. */
    @Override
    void close();
}
