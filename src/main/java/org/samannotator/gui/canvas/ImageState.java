package org.samannotator.gui.canvas;

/** Where the current image is: nothing open, reading pixels, computing the embedding, ready, or failed. */
public enum ImageState {
    NONE(""), LOADING("Loading image..."), ENCODING("Encoding..."), READY("Ready"), FAILED("Failed"),
    NO_MODEL("Model unavailable: brush and eraser only");

    private final String displayText;

    ImageState(String displayText) {
        this.displayText = displayText;
    }

    public String displayText() {
        return displayText;
    }
}
