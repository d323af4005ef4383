package org.samannotator.core.coco;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** COCO's "info" block; every field is optional and omitted from JSON when null. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CocoInfo(
        @JsonProperty("description") String description,
        @JsonProperty("url") String url,
        @JsonProperty("version") String version,
        @JsonProperty("year") Integer year,
        @JsonProperty("contributor") String contributor,
        @JsonProperty("date_created") String dateCreated) {

    /** An info block with only a description. */
    public static CocoInfo describedAs(String description) {
        return new CocoInfo(description, null, null, null, null, null);
    }
}
