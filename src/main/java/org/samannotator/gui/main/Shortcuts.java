package org.samannotator.gui.main;

import java.util.List;

/** The keyboard and mouse shortcuts, as shown in Help > Shortcuts (and the README). */
public final class Shortcuts {
    /** One shortcut: keys and what they do. */
    public record Shortcut(String keys, String action) {
    }

    public static final List<Shortcut> ALL = List.of(
            new Shortcut("Left click", "Foreground point (click a marker to remove it)"),
            new Shortcut("Right click / Shift+click", "Background point"),
            new Shortcut("Left drag (Point or Box tool)", "Box prompt (combines with points)"),
            new Shortcut("Alt+click", "Select the object under the cursor"),
            new Shortcut("Enter", "Accept the candidate as an object of the current category"),
            new Shortcut("Esc", "Discard the candidate and its prompts / clear the selection"),
            new Shortcut("Tab", "Next candidate mask (whole / part / subpart)"),
            new Shortcut("P / B / R / E", "Point, Box, Brush, Eraser tool"),
            new Shortcut("[ / ]", "Smaller / larger brush"),
            new Shortcut("1 - 9", "Pick category 1-9"),
            new Shortcut("Delete / Backspace", "Delete the selected object"),
            new Shortcut("Ctrl+E", "Edit the selected object or suggestion (re-prompt, brush, eraser; Enter to accept)"),
            new Shortcut("Ctrl+G", "Pre-annotate the image: the model's confident masks become suggestions"),
            new Shortcut("Ctrl+Shift+G", "Pre-annotate the folder in the background (status bar: progress, Cancel)"),
            new Shortcut("N / Shift+N", "Select the next / previous suggestion"),
            new Shortcut("Y (or Enter)", "Accept the selected suggestion (else the first) as an object"),
            new Shortcut("Shift+Y", "Accept all suggestions of the image"),
            new Shortcut("X", "Reject the selected suggestion (else the first)"),
            new Shortcut("Shift+X", "Reject all suggestions of the image"),
            new Shortcut("Ctrl+Z", "Undo"),
            new Shortcut("Ctrl+Shift+Z / Ctrl+Y", "Redo"),
            new Shortcut("D / Page Down", "Next image"),
            new Shortcut("A / Page Up", "Previous image"),
            new Shortcut("Ctrl+Enter", "Mark the image done and go to the next one"),
            new Shortcut("S", "Cycle the image status (not started / in progress / done)"),
            new Shortcut("Mouse wheel / + / -", "Zoom"),
            new Shortcut("F", "Fit the image to the window"),
            new Shortcut("Ctrl+0", "Zoom to 100%"),
            new Shortcut("Middle drag / Space+drag", "Pan"),
            new Shortcut("M", "Show / hide all masks"),
            new Shortcut("H", "Hover preview on / off"),
            new Shortcut("C", "Colour objects by instance / by category"),
            new Shortcut("Ctrl+O", "Open folder"),
            new Shortcut("Ctrl+Shift+E", "Export COCO JSON (File > Export as: YOLO, VOC, labelme too)"),
            new Shortcut("Ctrl+Shift+I", "Import COCO JSON (File > Import: YOLO, VOC, labelme too)"),
            new Shortcut("Ctrl+,", "Preferences"),
            new Shortcut("F1", "This list"));

    private Shortcuts() {
    }
}
