package org.samannotator.core.coco;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An entry of COCO's "licenses" list. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CocoLicense(
        @JsonProperty(value = "id", required = true) long id,
        @JsonProperty("name") String name,
        @JsonProperty("url") String url) {
}
