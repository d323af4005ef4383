package org.samannotator.core.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.samannotator.core.onnx.QuantizationScheme;

/**
 * Checks one manifest entry for completeness: required fields present, file names plain (no directories),
 * SHA-256 exactly 64 hex digits, sizes positive, encoder conventions complete, sources of a known type with
 * their fields. Collects every problem so one message can list them all.
 */
final class ModelEntryValidator {
    private static final Pattern PLAIN_FILE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");

    private ModelEntryValidator() {
    }

    /** Throws a {@link ModelManifestException} naming the source file, the model and every problem found. */
    static void validate(ModelEntry entry, String sourceName, int index) {
        List<String> problems = problemsOf(entry);
        if (!problems.isEmpty()) {
            String label = isBlank(entry.id()) ? "model #" + (index + 1) : "model '" + entry.id() + "'";
            throw new ModelManifestException(sourceName + ": " + label + ": " + String.join("; ", problems));
        }
    }

    static List<String> problemsOf(ModelEntry entry) {
        List<String> problems = new ArrayList<>();
        requireText(problems, "id", entry.id());
        requireText(problems, "displayName", entry.displayName());
        requireText(problems, "license", entry.license());
        checkFile(problems, "encoder", entry.encoder());
        checkFile(problems, "decoder", entry.decoder());
        if (entry.encoder() != null && entry.decoder() != null && entry.encoder().file() != null
                && entry.encoder().file().equals(entry.decoder().file())) {
            problems.add("encoder.file and decoder.file must differ");
        }
        checkConventions(problems, entry.input());
        checkDerivation(problems, entry);
        for (int i = 0; i < entry.sources().size(); i++) {
            checkSource(problems, "sources[" + i + "]", entry.sources().get(i));
        }
        return problems;
    }

    private static void checkFile(List<String> problems, String field, ModelFileSpec spec) {
        if (spec == null) {
            problems.add(field + " is missing");
            return;
        }
        if (isBlank(spec.file())) {
            problems.add(field + ".file is missing");
        } else if (!PLAIN_FILE_NAME.matcher(spec.file()).matches()) {
            problems.add(field + ".file must be a plain file name without directories, got '" + spec.file() + "'");
        }
        if (spec.sha256() == null) {
            problems.add(field + ".sha256 is missing");
        } else if (!Sha256.isHex64(spec.sha256())) {
            problems.add(field + ".sha256 must be 64 hex digits, got " + spec.sha256().length()
                    + " characters '" + spec.sha256() + "'");
        }
        if (spec.size() <= 0) {
            problems.add(field + ".size is missing or not positive (" + spec.size() + ")");
        }
    }

    private static void checkDerivation(List<String> problems, ModelEntry entry) {
        Quantization quantization = entry.quantization();
        if (entry.derivedFrom() == null) {
            if (quantization != null) {
                problems.add("quantization is given but derivedFrom (the id of the model it is computed from) is missing");
            }
            return;
        }
        if (entry.derivedFrom().isBlank() || entry.derivedFrom().equals(entry.id())) {
            problems.add("derivedFrom must name another model, got '" + entry.derivedFrom() + "'");
        }
        if (quantization == null) {
            problems.add("derivedFrom is given but quantization (how the files are computed) is missing");
            return;
        }
        try {
            QuantizationScheme.fromId(quantization.scheme());
        } catch (IllegalArgumentException e) {
            problems.add("quantization.scheme: " + e.getMessage());
        }
        List<String> known = List.of(Quantization.ENCODER, Quantization.DECODER);
        if (quantization.parts().isEmpty() || !known.containsAll(quantization.parts())
                || quantization.parts().stream().distinct().count() != quantization.parts().size()) {
            problems.add("quantization.parts must list \"encoder\" and/or \"decoder\" once each, got "
                    + quantization.parts());
        }
    }

    private static void checkConventions(List<String> problems, EncoderConventions input) {
        if (input == null) {
            problems.add("input (encoder conventions) is missing");
            return;
        }
        requireText(problems, "input.inputName", input.inputName());
        if (input.size() <= 0) {
            problems.add("input.size is missing or not positive (" + input.size() + ")");
        }
        checkChannels(problems, "input.mean", input.mean(), false);
        checkChannels(problems, "input.std", input.std(), true);
        requireText(problems, "input.layout", input.layout());
        requireText(problems, "input.channelOrder", input.channelOrder());
        requireText(problems, "input.padding", input.padding());
    }

    private static void checkChannels(List<String> problems, String field, List<Double> values, boolean positive) {
        if (values == null || values.size() != 3 || values.contains(null)) {
            problems.add(field + " must be 3 numbers (one per channel), got " + values);
        } else if (positive && values.stream().anyMatch(v -> v <= 0)) {
            problems.add(field + " values must be positive, got " + values);
        }
    }

    private static void checkSource(List<String> problems, String field, ModelSource source) {
        if (source == null || isBlank(source.type())) {
            problems.add(field + ".type is missing");
            return;
        }
        switch (source.type().toLowerCase(Locale.ROOT)) {
            case "npm" -> {
                requireText(problems, field + ".package", source.packageSpec());
                requireText(problems, field + ".encoderPath", source.encoderPath());
                requireText(problems, field + ".decoderPath", source.decoderPath());
            }
            case "https" -> {
                checkUrl(problems, field + ".encoderUrl", source.encoderUrl());
                checkUrl(problems, field + ".decoderUrl", source.decoderUrl());
            }
            default -> problems.add(field + ".type '" + source.type() + "' is unknown (expected npm or https)");
        }
    }

    private static void checkUrl(List<String> problems, String field, String url) {
        if (isBlank(url)) {
            problems.add(field + " is missing");
            return;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
                problems.add(field + " must be an absolute http(s) URL, got '" + url + "'");
            }
        } catch (URISyntaxException e) {
            problems.add(field + " is not a valid URL: " + e.getMessage());
        }
    }

    private static void requireText(List<String> problems, String field, String value) {
        if (isBlank(value)) {
            problems.add(field + " is missing");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
