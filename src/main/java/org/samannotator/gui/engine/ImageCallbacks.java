package org.samannotator.gui.engine;

import org.samannotator.core.image.RgbImage;

/** What {@link ModelWorker#openImage} reports, on the UI executor, for the image that is still current. */
public interface ImageCallbacks {
    /** The pixels are decoded and can be shown (the embedding may still be computing). */
    void loaded(RgbImage image);

    /** The embedding is current: prompts can be decoded. {@code fromCache} when no encoder run was needed. */
    void ready(boolean fromCache, double encoderMillis);

    /** The image could not be read or encoded; {@code message} names the file and the reason. */
    void failed(String message);
}
