package org.samannotator.gui.objects;

/**
 * One line of the panel's Suggestions section: suggestion id, position (1-based), what it came from
 * ("auto" or the imported box's category), mask area in pixels (-1 while a box is decoded), predicted IoU
 * (NaN if none).
 */
public record SuggestionRow(long id, int number, String source, long area, double predictedIou) {
    public String label() {
        return "#" + number + "  " + source;
    }

    public String details() {
        if (area < 0) {
            return "decoding box...";
        }
        String iou = Double.isNaN(predictedIou) ? "" : String.format("  IoU %.2f", Math.min(1.0, predictedIou));
        return String.format("%,d px", area) + iou;
    }
}
