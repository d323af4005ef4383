package org.samannotator.core.annotation;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.samannotator.core.image.ImageLoader;

/**
 * Lists the image files directly inside a folder, by name only (no file is opened, so 10,000 images list
 * in milliseconds), in natural order: "img2.png" before "img10.png", case-insensitive.
 */
public final class ImageFolder {
    private ImageFolder() {
    }

    /** File names (relative to {@code folder}) of the supported images, naturally sorted. */
    public static List<String> listImages(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + ": not a folder");
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(".") && ImageLoader.isSupportedImageFile(entry)) {
                    names.add(name);
                }
            }
        }
        names.sort(NATURAL_ORDER);
        return names;
    }

    /**
     * Compares names with digit runs as numbers (leading zeros ignored), then case-insensitively, then
     * exactly. No allocation per comparison: sorting 10,000 names takes milliseconds.
     */
    public static final Comparator<String> NATURAL_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                int cmp = compareNumbers(a, i, endA, b, j, endB);
                if (cmp != 0) {
                    return cmp;
                }
                i = endA;
                j = endB;
            } else {
                int cmp = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
                if (cmp != 0) {
                    return cmp;
                }
                i++;
                j++;
            }
        }
        int cmp = Integer.compare(a.length() - i, b.length() - j);
        return cmp != 0 ? cmp : a.compareTo(b);
    };

    private static int digitsEnd(String s, int start) {
        int end = start;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    /** Compares the digit runs a[i, endA) and b[j, endB) as numbers of any length. */
    private static int compareNumbers(String a, int i, int endA, String b, int j, int endB) {
        i = skipZeros(a, i, endA);
        j = skipZeros(b, j, endB);
        if (endA - i != endB - j) {
            return Integer.compare(endA - i, endB - j);
        }
        for (; i < endA; i++, j++) {
            int cmp = Character.compare(a.charAt(i), b.charAt(j));
            if (cmp != 0) {
                return cmp;
            }
        }
        return 0;
    }

    /** The start of the run's significant digits (its last digit when all are zeros). */
    private static int skipZeros(String s, int start, int end) {
        while (start < end - 1 && s.charAt(start) == '0') {
            start++;
        }
        return start;
    }
}
