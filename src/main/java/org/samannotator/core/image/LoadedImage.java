package org.samannotator.core.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.samannotator.core.geometry.Size;

/**
 * An image as loaded from a file, with what the decoder noticed on the way.
 *
 * @param file         the file it was read from
 * @param image        the pixels in display orientation (EXIF applied); full resolution when
 *                     {@code subsampling == 1}, otherwise every {@code subsampling}-th stored pixel in x and y
 * @param originalSize the full-resolution display size (width, height) of the file; prompts and masks live
 *                     in this frame, whatever the size of {@code image}
 * @param subsampling  the source subsampling factor used to decode (1 = full resolution)
 * @param warnings     the decoder's warnings, in order (e.g. "Premature end of JPEG file"); empty when clean
 */
public record LoadedImage(Path file, RgbImage image, Size originalSize, int subsampling, List<String> warnings) {
    public LoadedImage {
        warnings = List.copyOf(warnings);
        if (subsampling < 1) {
            throw new IllegalArgumentException("subsampling must be >= 1, got " + subsampling);
        }
    }

    /** True when {@link #image()} is smaller than the file's full resolution. */
    public boolean isReduced() {
        return subsampling > 1;
    }

    /**
     * True when the decoder reported missing data (the file ends early): the decoder fills the missing part
     * (JPEG: grey), so the picture is incomplete and must not be shown as if it were fine.
     */
    public boolean truncated() {
        return warnings.stream().anyMatch(LoadedImage::meansMissingData);
    }

    /**
     * A message for the user when the decoder reported missing or corrupt data, naming the file and saying
     * what to do; empty for a clean image and for informational warnings (e.g. "No embedded ICC color
     * profile" on a CMYK JPEG), which stay in {@link #warnings()}.
     */
    public Optional<String> problem() {
        if (!truncated() && warnings.stream().noneMatch(LoadedImage::meansDamagedData)) {
            return Optional.empty();
        }
        String what = truncated() ? "is truncated: only part of it could be decoded and the rest is shown grey"
                : "has damaged data: parts of it may look wrong";
        return Optional.of("The image file " + file + " " + what + " (" + String.join("; ", warnings)
                + "). Copy or export the image again from its source.");
    }

    private static boolean meansDamagedData(String warning) {
        String text = warning.toLowerCase(Locale.ROOT);
        return text.contains("corrupt") || text.contains("invalid") || text.contains("bad ")
                || text.contains("extraneous") || text.contains("damaged");
    }

    private static boolean meansMissingData(String warning) {
        String text = warning.toLowerCase(Locale.ROOT);
        return text.contains("premature end") || text.contains("end of file") || text.contains("truncat")
                || text.contains("eof");
    }
}
