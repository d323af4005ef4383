package org.samannotator.core.coco;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A whole COCO instances file. "images" and "categories" are required on read; "annotations" (absent in
 * COCO image-info files), "info" and "licenses" default to empty. Lists are immutable copies.
 */
@JsonPropertyOrder({"info", "licenses", "images", "annotations", "categories"})
public record CocoDataset(
        @JsonProperty("info") CocoInfo info,
        @JsonProperty(value = "images", required = true) List<CocoImage> images,
        @JsonProperty(value = "categories", required = true) List<CocoCategory> categories,
        @JsonProperty("annotations") List<CocoAnnotation> annotations,
        @JsonProperty("licenses") List<CocoLicense> licenses) {
    public CocoDataset {
        info = info == null ? new CocoInfo(null, null, null, null, null, null) : info;
        images = copyWithoutNulls(images, "images", false);
        categories = copyWithoutNulls(categories, "categories", false);
        annotations = copyWithoutNulls(annotations, "annotations", true);
        licenses = copyWithoutNulls(licenses, "licenses", true);
    }

    public static CocoDataset of(List<CocoImage> images, List<CocoCategory> categories,
            List<CocoAnnotation> annotations) {
        return new CocoDataset(null, images, categories, annotations, null);
    }

    public Optional<CocoImage> imageById(long id) {
        return images.stream().filter(i -> i.id() == id).findFirst();
    }

    public Optional<CocoImage> imageByFileName(String fileName) {
        return images.stream().filter(i -> i.fileName().equals(fileName)).findFirst();
    }

    public Optional<CocoCategory> categoryById(long id) {
        return categories.stream().filter(c -> c.id() == id).findFirst();
    }

    /** Annotations of one image, in file order. */
    public List<CocoAnnotation> annotationsOf(long imageId) {
        List<CocoAnnotation> result = new ArrayList<>();
        for (CocoAnnotation a : annotations) {
            if (a.imageId() == imageId) {
                result.add(a);
            }
        }
        return result;
    }

    private static <T> List<T> copyWithoutNulls(List<T> list, String name, boolean optional) {
        if (list == null) {
            if (optional) {
                return List.of();
            }
            throw new IllegalArgumentException("\"" + name + "\" is required");
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw new IllegalArgumentException(name + "[" + i + "] is null");
            }
        }
        return List.copyOf(list);
    }
}
