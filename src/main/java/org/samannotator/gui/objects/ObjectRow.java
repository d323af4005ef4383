package org.samannotator.gui.objects;

/**
 * One line of the objects panel: object id, its position in creation order (1-based), category name and
 * colour (0xRRGGBB), mask area in pixels, predicted IoU (NaN if none) and visibility.
 */
public record ObjectRow(long id, int number, String categoryName, int rgb, long area, double predictedIou,
        boolean visible) {
    public String label() {
        return "#" + number + "  " + categoryName;
    }

    public String details() {
        String iou = Double.isNaN(predictedIou) ? "" : String.format("  IoU %.2f", Math.min(1.0, predictedIou));
        return String.format("%,d px", area) + iou;
    }
}
