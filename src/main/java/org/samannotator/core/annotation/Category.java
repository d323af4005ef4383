package org.samannotator.core.annotation;

/**
 * An object category: a positive id (stable, also the COCO category id), a display name and a colour as
 * 0xRRGGBB (no alpha; the overlay opacity is a view setting).
 */
public record Category(int id, String name, int rgb) {
    public Category {
        if (id <= 0) {
            throw new IllegalArgumentException("category id must be positive, got " + id);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("category name must not be blank");
        }
        name = name.strip();
        if ((rgb & 0xFF000000) != 0) {
            throw new IllegalArgumentException("category colour must be 0xRRGGBB, got " + Integer.toHexString(rgb));
        }
    }

    public Category withName(String newName) {
        return new Category(id, newName, rgb);
    }

    public Category withRgb(int newRgb) {
        return new Category(id, name, newRgb);
    }

    /** The colour as "#rrggbb". */
    public String hexColour() {
        return String.format("#%06x", rgb);
    }

    /** Parses "#rrggbb" or "rrggbb". */
    public static int parseHexColour(String text) {
        String hex = text.strip().startsWith("#") ? text.strip().substring(1) : text.strip();
        if (!hex.matches("[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("colour must be #rrggbb, got '" + text + "'");
        }
        return Integer.parseInt(hex, 16);
    }
}
