package org.samannotator.core.coco;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An entry of COCO's "categories" list.
 *
 * @param id            category id referenced by annotations' category_id
 * @param name          category name, non-blank
 * @param supercategory COCO's parent category name; may be null (then omitted)
 * @param color         our extra display colour, "#RRGGBB"; may be null (then omitted)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CocoCategory(
        @JsonProperty(value = "id", required = true) long id,
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty("supercategory") String supercategory,
        @JsonProperty("color") String color) {
    public CocoCategory {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("category " + id + " has no name");
        }
    }

    public static CocoCategory of(long id, String name) {
        return new CocoCategory(id, name, null, null);
    }
}
