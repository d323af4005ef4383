package org.samannotator.core.coco;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads COCO instances JSON into a {@link CocoDataset}. Unknown keys are ignored; segmentations may be in any
 * of COCO's three forms. Anything unusable raises a {@link CocoFormatException} naming the file, the JSON
 * location and the problem.
 */
public final class CocoReader {
    /** Start of Jackson's message for an absent {@code required = true} property. */
    private static final String MISSING_PROPERTY = "Missing required creator property";

    private CocoReader() {
    }

    /**
     * @throws CocoFormatException the file is not valid JSON, lacks a required field, has a value of the
     *     wrong type or range, or is inconsistent (duplicate ids, unknown image/category, RLE size not the
     *     image size)
     * @throws IOException         the file cannot be read (e.g. {@link java.nio.file.NoSuchFileException})
     */
    public static CocoDataset read(Path file) throws IOException {
        if (Files.size(file) == 0) {
            throw new CocoFormatException(file, "the file is empty");
        }
        CocoDataset dataset;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            dataset = CocoJson.MAPPER.readValue(in, CocoDataset.class);
        } catch (StreamReadException | DatabindException e) {
            throw formatException(file, e);
        }
        return validated(file, dataset);
    }

    /**
     * Like {@link #read}, but annotations with a "bbox" and no "segmentation" (a detector's output) are not an
     * error: they are returned apart as {@link CocoBoxAnnotation}s, checked for a known image and category.
     */
    public static CocoBoxImport readWithBoxes(Path file) throws IOException {
        if (Files.size(file) == 0) {
            throw new CocoFormatException(file, "the file is empty");
        }
        com.fasterxml.jackson.databind.JsonNode root;
        try {
            root = CocoJson.MAPPER.readTree(file.toFile());
        } catch (StreamReadException | DatabindException e) {
            throw formatException(file, e);
        }
        List<CocoBoxAnnotation> boxes = CocoBoxAnnotation.takeBoxOnly(file, root);
        if (boxes.isEmpty()) {
            return new CocoBoxImport(read(file), List.of());
        }
        CocoDataset dataset;
        try {
            dataset = CocoJson.MAPPER.treeToValue(root, CocoDataset.class);
        } catch (StreamReadException | DatabindException e) {
            throw formatException(file, e);
        }
        CocoDataset checked = validated(file, dataset);
        CocoBoxAnnotation.checkReferences(file, boxes, checked);
        return new CocoBoxImport(checked, boxes);
    }

    private static CocoDataset validated(Path file, CocoDataset dataset) throws CocoFormatException {
        if (dataset == null) {
            throw new CocoFormatException(file, "the file contains JSON null, not a COCO object");
        }
        List<String> problems = CocoDatasetValidator.problems(dataset);
        if (!problems.isEmpty()) {
            throw new CocoFormatException(file, CocoDatasetValidator.summary(problems));
        }
        return dataset;
    }

    private static CocoFormatException formatException(Path file, IOException error) {
        if (error instanceof StreamReadException e) {
            return new CocoFormatException(file, "not valid JSON" + at(e.getLocation()) + ": " + e.getOriginalMessage(), e);
        }
        if (error instanceof JsonMappingException mapping) {
            if (mapping.getCause() instanceof StreamReadException parse) {
                return new CocoFormatException(file, "not valid JSON" + inside(mapping) + at(parse.getLocation()) + ": "
                        + parse.getOriginalMessage(), error);
            }
            return new CocoFormatException(file, describe(mapping), error);
        }
        return new CocoFormatException(file, error.getMessage(), error);
    }

    private static String describe(JsonMappingException e) {
        String path = jsonPath(e);
        String reason = e.getOriginalMessage();
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException cause) {
            reason = cause.getMessage();
        } else if (reason != null && reason.startsWith(MISSING_PROPERTY)) {
            reason = "required key is missing";
        } else if (path.isEmpty() && e instanceof MismatchedInputException m && m.getTargetType() == CocoDataset.class) {
            reason = "the top level must be a COCO JSON object with \"images\" and \"categories\"";
        }
        return (path.isEmpty() ? "" : path + ": ") + reason + at(e.getLocation());
    }

    private static String inside(JsonMappingException e) {
        String path = jsonPath(e);
        return path.isEmpty() ? "" : " in " + path;
    }

    /** Location like {@code annotations[3].segmentation}. */
    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
