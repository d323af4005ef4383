package org.samannotator.reliability;

import java.util.List;

/** Rows of the report for inputs whose reader is not on this branch yet. */
final class PendingCases {
    private PendingCases() {
    }

    static List<String[]> rows() {
        String pending = "pending the YOLO reader";
        return List.of(
                new String[] {"YOLO labels", "line with 4 numbers instead of 5", "YOLO reader", pending, ""},
                new String[] {"YOLO labels", "class id not an integer / negative / unknown", "YOLO reader", pending, ""},
                new String[] {"YOLO labels", "coordinates outside 0-1, NaN or Infinity", "YOLO reader", pending, ""},
                new String[] {"YOLO labels", "polygon with 2 points or an odd number of values", "YOLO reader",
                    pending, ""},
                new String[] {"YOLO labels", "empty / binary / truncated label file", "YOLO reader", pending, ""},
                new String[] {"YOLO labels", "classes file missing or with duplicate names", "YOLO reader", pending,
                    ""});
    }
}
