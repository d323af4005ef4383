package org.samannotator.cli;

import java.util.Locale;
import org.samannotator.core.geometry.Box;
import org.samannotator.core.prompt.PointLabel;
import org.samannotator.core.prompt.PromptPoint;

/** Parsing of prompt arguments given on the command line, in original image pixel coordinates. */
final class PromptArguments {
    private PromptArguments() {
    }

    /** {@code X,Y} or {@code X,Y:fg} / {@code X,Y:bg}; foreground when no label is given. */
    static PromptPoint parsePoint(String text) {
        String[] labelSplit = text.split(":", 2);
        double[] xy = numbers(labelSplit[0], 2, "--point expects X,Y[:fg|bg], got '" + text + "'");
        PointLabel label = labelSplit.length == 2 ? PointLabel.parse(labelSplit[1]) : PointLabel.FOREGROUND;
        return new PromptPoint(new org.samannotator.core.geometry.ImagePoint(xy[0], xy[1]), label);
    }

    /** {@code X0,Y0,X1,Y1} (any two opposite corners). */
    static Box parseBox(String text) {
        double[] v = numbers(text, 4, "--box expects X0,Y0,X1,Y1, got '" + text + "'");
        return Box.fromCorners(new org.samannotator.core.geometry.ImagePoint(v[0], v[1]),
                new org.samannotator.core.geometry.ImagePoint(v[2], v[3]));
    }

    private static double[] numbers(String text, int count, String error) {
        String[] parts = text.trim().split(",");
        if (parts.length != count) {
            throw new IllegalArgumentException(error);
        }
        double[] values = new double[count];
        try {
            for (int i = 0; i < count; i++) {
                values[i] = Double.parseDouble(parts[i].trim().toLowerCase(Locale.ROOT));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(error, e);
        }
        return values;
    }
}
