package org.samannotator.gui.tools;

/** The canvas tools: click prompts, box prompt, brush (adds pixels) and eraser (removes pixels). */
public enum Tool {
    POINT("Point", "P"), BOX("Box", "B"), BRUSH("Brush", "R"), ERASER("Eraser", "E");

    private final String displayName;
    private final String shortcut;

    Tool(String displayName, String shortcut) {
        this.displayName = displayName;
        this.shortcut = shortcut;
    }

    public String displayName() {
        return displayName;
    }

    /** The key that selects the tool. */
    public String shortcut() {
        return shortcut;
    }

    public boolean paints() {
        return this == BRUSH || this == ERASER;
    }
}
