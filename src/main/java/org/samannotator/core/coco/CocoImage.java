package org.samannotator.core.coco;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.samannotator.core.geometry.Size;

/**
 * An entry of COCO's "images" list.
 *
 * @param id       image id referenced by annotations' image_id
 * @param fileName file name relative to the dataset's image directory (JSON "file_name")
 * @param width    image width in pixels, &gt; 0
 * @param height   image height in pixels, &gt; 0
 */
public record CocoImage(
        @JsonProperty(value = "id", required = true) long id,
        @JsonProperty(value = "file_name", required = true) String fileName,
        @JsonProperty(value = "width", required = true) int width,
        @JsonProperty(value = "height", required = true) int height) {
    public CocoImage {
        if (fileName == null || fileName.isBlank()) {
            throw new IllegalArgumentException("image " + id + " has no file_name");
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image " + id + " has size " + width + "x" + height
                    + "; width and height must be positive");
        }
    }

    /** (width, height). */
    @JsonIgnore
    public Size size() {
        return new Size(width, height);
    }
}
