package org.samannotator.core.annotation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One image's entry in the project file, kept as its text (a slice of the bytes read, not a copy) and read
 * into objects and suggestions only when first needed: opening a 10,000-image project builds no object and
 * checks no RLE (see {@link ImageEntryScan} for what opening reads).
 *
 * <p>Reading is tolerant: an object or suggestion that does not read (RLE counts that do not sum to its size,
 * characters outside the RLE alphabet, a prompt point that is not a number, a missing field) is left out, and
 * {@link Contents#problem()} says which and why. Before anything is left out the project file is copied aside
 * by the {@link OriginalKeeper}, so the damaged text is never lost: until then every save copies this entry's
 * text unchanged (see {@link ProjectFileStreams}). Thread-safe: the first caller reads, under this object's lock.
 */
final class ImageEntryText {
    /** Copies the project file aside, once per loaded file; says where, or why it could not. */
    interface OriginalKeeper {
        Kept keepOriginal();
    }

    /** Whether the original file was copied aside, and the sentence that tells the user. */
    record Kept(boolean kept, String sentence) {
    }

    /** What the entry holds once read; {@code problem} names the image and what was left out. */
    record Contents(List<AnnotatedObject> objects, List<Suggestion> suggestions, Optional<String> problem,
            boolean originalKept) {
    }

    private static final int FAILURES_SHOWN = 3;

    private final ObjectMapper mapper;
    private final byte[] file;
    private final int offset;
    private final int length;
    private final String fileName;
    private final OriginalKeeper keeper;
    private Contents contents;

    ImageEntryText(ObjectMapper mapper, byte[] file, int offset, int length, String fileName, OriginalKeeper keeper) {
        this.mapper = mapper;
        this.file = file;
        this.offset = offset;
        this.length = length;
        this.fileName = fileName;
        this.keeper = keeper;
    }

    /** The entry's objects and suggestions, read on the first call. */
    synchronized Contents contents() {
        if (contents == null) {
            contents = read();
        }
        return contents;
    }

    synchronized boolean isRead() {
        return contents != null;
    }

    /**
     * True when the entry was read, something in it was left out, and the original file was copied aside:
     * the next save may then write the image without what was left out.
     */
    synchronized boolean replacedByCopy() {
        return contents != null && contents.problem().isPresent() && contents.originalKept();
    }

    private Contents read() {
        JsonNode node;
        try {
            node = mapper.readTree(file, offset, length);
        } catch (IOException e) {
            // the opening scan tokenized this text already; a failure here would be a defect, kept visible
            return damaged(List.of(), List.of(), List.of("the entry: " + e.getMessage()));
        }
        List<String> failures = new ArrayList<>();
        List<AnnotatedObject> objects = readEach(node.path("objects"), ProjectJson::readObject, "object", failures);
        List<Suggestion> suggestions = readEach(node.path("suggestions"), ProjectJson::readSuggestion, "suggestion",
                failures);
        return failures.isEmpty() ? new Contents(objects, suggestions, Optional.empty(), false)
                : damaged(objects, suggestions, failures);
    }

    private static <T> List<T> readEach(JsonNode array, Function<JsonNode, T> reader, String what,
            List<String> failures) {
        List<T> read = new ArrayList<>();
        int index = 0;
        for (JsonNode element : array) {
            try {
                read.add(reader.apply(element));
            } catch (RuntimeException e) {
                failures.add(what + " " + describe(element, index) + ": " + e.getMessage());
            }
            index++;
        }
        return read;
    }

    private static String describe(JsonNode element, int index) {
        JsonNode id = element.get("id");
        return id != null && id.isIntegralNumber() ? id.asText() : "#" + (index + 1);
    }

    private Contents damaged(List<AnnotatedObject> objects, List<Suggestion> suggestions, List<String> failures) {
        Kept kept = keeper.keepOriginal();
        String listed = String.join("; ", failures.subList(0, Math.min(FAILURES_SHOWN, failures.size())))
                + (failures.size() > FAILURES_SHOWN ? "; and " + (failures.size() - FAILURES_SHOWN) + " more" : "");
        String problem = "The project file's entry for " + fileName + " is damaged: " + failures.size()
                + (failures.size() == 1 ? " part" : " parts") + " could not be read and "
                + (failures.size() == 1 ? "is " : "are ") + (kept.kept() ? "left out" : "not shown") + " (" + listed + "). Check this image and add again"
                + " what is missing. " + kept.sentence();
        return new Contents(objects, suggestions, Optional.of(problem), kept.kept());
    }
}
