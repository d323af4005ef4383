package org.samannotator.cli;

import org.samannotator.core.geometry.Size;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code WIDTHxHEIGHT} (e.g. {@code 640x480}) into a {@link Size}. */
final class SizeConverter implements ITypeConverter<Size> {
    @Override
    public Size convert(String value) {
        String[] parts = value.trim().toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (parts.length == 2) {
                return new Size(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is not a size WIDTHxHEIGHT with positive numbers");
        }
        throw new TypeConversionException("'" + value + "' is not a size WIDTHxHEIGHT (for example 640x480)");
    }
}
