package org.samannotator.core.annotation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Streams the project file one image at a time, so a 10,000-image project is never one JSON tree in memory,
 * and writes each image's JSON from a cache of serialized fragments.
 *
 * <p>Writing: the root is pretty-printed as before; each element of "images" is one compact JSON line. An
 * {@link ImageAnnotations} is immutable, so its serialized text is cached by identity: a save serializes
 * only the images that changed since the previous save and copies the others' text (the cache then holds
 * exactly the images of the last save). After loading, the cache holds each image's text as the file had
 * it (slices of the bytes read, so a project written by an older version keeps its layout for the images
 * nobody changed).
 * Not thread-safe: {@link ProjectStore} calls it under its lock.
 */
final class ProjectFileStreams {
    private final ObjectMapper mapper;
    private Map<ImageAnnotations, Fragment> fragments = new IdentityHashMap<>();
    /** The bytes of the file read last: the original fragments are slices of it. */
    private byte[] readFile;
    /** The index of the file written last (null before the first write). */
    private ProjectIndex.Contents writtenIndex;

    /**
     * The JSON text of one image, {@code length} UTF-8 bytes of {@code bytes} from {@code offset}, and what
     * opening reads of it (for the index).
     */
    private record Fragment(byte[] bytes, int offset, int length, EntrySummary summary) {
    }

    ProjectFileStreams(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * What a project file holds: the root's fields other than "images" ({@code header}), its images read one
     * by one, and the first error an image gave (null if none), kept so that a file of a newer format is
     * recognised by its header even when its images do not read; {@code fromIndex} when the images were
     * built from the project index, without tokenizing their text; {@code consistent} when that index says the
     * project's checks found nothing to repair when it was saved.
     */
    record Parsed(JsonNode header, List<ImageAnnotations> images, RuntimeException imageError, boolean fromIndex,
            boolean consistent) {
    }

    /**
     * Parses {@code file}; throws IOException for unreadable or malformed JSON and IllegalArgumentException
     * when the root is not a JSON object. Each image's objects and suggestions stay text until first needed
     * ({@link ImageEntryScan}); {@code keeper} copies the file aside before a damaged entry is left out. With
     * the {@code index} of this file, the images are built from it and their text is not tokenized; an index
     * that does not fit the file is ignored.
     */
    Parsed read(byte[] file, ImageEntryText.OriginalKeeper keeper, Optional<ProjectIndex.Contents> index)
            throws IOException {
        if (index.isPresent()) {
            Optional<Parsed> indexed = readIndexed(file, keeper, index.get());
            if (indexed.isPresent()) {
                return indexed.get();
            }
        }
        fragments = new IdentityHashMap<>();
        readFile = file;
        try (JsonParser parser = mapper.getFactory().createParser(file)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a SAM Annotator project (missing \"format\": \""
                        + ProjectJson.FORMAT + "\")");
            }
            ObjectNode header = mapper.createObjectNode();
            List<ImageAnnotations> images = new ArrayList<>();
            RuntimeException imageError = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("images".equals(field) && value == JsonToken.START_ARRAY) {
                    images.clear();
                    imageError = readImages(parser, new ImageEntryScan(mapper, file, keeper), images);
                } else if ("images".equals(field)) {
                    // not an array: read its values as images as a tree reader would (and fail as it would)
                    images.clear();
                    for (JsonNode image : (JsonNode) mapper.readTree(parser)) {
                        images.add(ProjectJson.readImage(image));
                    }
                } else {
                    header.set(field, mapper.readTree(parser));
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT) {
                throw new IOException("the file ends before the project does (truncated?)");
            }
            return new Parsed(header, images, imageError, false, false);
        }
    }

    /**
     * The project read with its index: the root's fields up to "images" are parsed (the app writes "images"
     * last), and each image is built from its index entry. Empty, with nothing changed, when the index does
     * not fit the file: "images" elsewhere, an entry outside the file or not an object's text, or values that
     * the scan would refuse (the scan then reports them).
     */
    private Optional<Parsed> readIndexed(byte[] file, ImageEntryText.OriginalKeeper keeper, ProjectIndex.Contents index)
            throws IOException {
        ObjectNode header = mapper.createObjectNode();
        try (JsonParser parser = mapper.getFactory().createParser(file)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("images".equals(field)) {
                    boolean fits = value == JsonToken.START_ARRAY
                            && parser.currentTokenLocation().getByteOffset() == index.imagesOffset();
                    return fits ? imagesFromIndex(file, keeper, index, header) : Optional.empty();
                }
                header.set(field, mapper.readTree(parser));
            }
        }
        return Optional.empty();
    }

    private Optional<Parsed> imagesFromIndex(byte[] file, ImageEntryText.OriginalKeeper keeper,
            ProjectIndex.Contents index, ObjectNode header) {
        ImageEntryScan scan = new ImageEntryScan(mapper, file, keeper);
        Map<ImageAnnotations, Fragment> built = new IdentityHashMap<>();
        List<ImageAnnotations> images = new ArrayList<>(index.entries().size());
        long previousEnd = index.imagesOffset();
        for (ProjectIndex.Entry entry : index.entries()) {
            int start = entry.offset();
            int end = start + entry.length();
            if (start <= previousEnd || entry.length() < 2 || end > file.length || file[start] != '{'
                    || file[end - 1] != '}') {
                return Optional.empty();
            }
            previousEnd = end;
            try {
                ImageAnnotations image = scan.build(entry.summary(), start, entry.length());
                images.add(image);
                built.put(image, new Fragment(file, start, entry.length(), entry.summary()));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        fragments = built;
        readFile = file;
        return Optional.of(new Parsed(header, images, null, true, index.consistent()));
    }

    /**
     * Reads the elements of "images" (the parser is on its START_ARRAY); returns the first error, or null.
     * Each image's text in the file becomes its cached fragment (a slice of the file, not a copy): it
     * reads back to the same value, so a save after opening copies the images nobody changed.
     */
    private RuntimeException readImages(JsonParser parser, ImageEntryScan scan, List<ImageAnnotations> images)
            throws IOException {
        RuntimeException error = null;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() == null) {
                throw new IOException("unexpected end of the file in \"images\"");
            }
            if (error != null) {
                parser.skipChildren();
                continue;
            }
            try {
                if (parser.currentToken() != JsonToken.START_OBJECT) {
                    // not an object: read it as a tree reader would, and fail as it would
                    images.add(ProjectJson.readImage(mapper.readTree(parser)));
                    continue;
                }
                int start = (int) parser.currentTokenLocation().getByteOffset();
                EntrySummary summary = ImageEntryScan.summarize(parser);
                int length = (int) parser.currentLocation().getByteOffset() - start;
                ImageAnnotations image = scan.build(summary, start, length);
                images.add(image);
                fragments.put(image, new Fragment(readFile, start, length, summary));
            } catch (RuntimeException e) {
                error = e;
                parser.skipChildren();
            }
        }
        return error;
    }

    /**
     * Writes {@code data} to {@code target}: the root pretty-printed (Jackson's default printer), its "images"
     * last, one compact JSON text per image copied from the cache or serialized now. Afterwards {@link
     * #writtenIndex()} describes what was written; {@code consistent} says the project's checks found nothing
     * to repair in {@code data}.
     */
    void write(ProjectData data, boolean consistent, OutputStream target) throws IOException {
        writtenIndex = null;
        Map<ImageAnnotations, Fragment> previous = fragments;
        Map<ImageAnnotations, Fragment> current = new IdentityHashMap<>();
        CountingCrcOutputStream out = new CountingCrcOutputStream(target);
        List<ProjectIndex.Entry> entries = new ArrayList<>(data.images().size());
        byte[] header = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(ProjectJson.writeHeader(mapper, data));
        int close = lastIndexOf(header, (byte) '}');
        out.write(header, 0, close);
        out.write(ascii(",\n  \"images\" : "));
        long imagesOffset = out.count();
        out.write(ascii("[ "));
        boolean first = true;
        for (ImageAnnotations image : data.images()) {
            Fragment fragment = previous.get(image);
            if (fragment != null && fragment.bytes() == readFile && damagedAndKeptAside(image)) {
                fragment = null; // the entry's original text is in the copy; write what was read of it
            }
            if (fragment == null) {
                fragment = serialized(image);
            }
            current.put(image, fragment);
            if (!first) {
                out.write(ascii(",\n"));
            }
            entries.add(new ProjectIndex.Entry((int) out.count(), fragment.length(), fragment.summary()));
            out.write(fragment.bytes(), fragment.offset(), fragment.length());
            first = false;
        }
        out.write(ascii(" ]\n}"));
        fragments = current;
        writtenIndex = new ProjectIndex.Contents(out.count(), out.crc(), imagesOffset, consistent, entries);
    }

    /** The index of the file written last; null before a write, or when it failed. */
    ProjectIndex.Contents writtenIndex() {
        return writtenIndex;
    }

    /** The image's text, serialized now, with what the opening scan reads of it. */
    private Fragment serialized(ImageAnnotations image) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(ProjectJson.writeImage(mapper, image));
        try (JsonParser parser = mapper.getFactory().createParser(bytes)) {
            parser.nextToken();
            return new Fragment(bytes, 0, bytes.length, ImageEntryScan.summarize(parser));
        }
    }

    private static boolean damagedAndKeptAside(ImageAnnotations image) {
        return image.objects() instanceof EntryList<?> list && list.entry().replacedByCopy()
                || image.suggestions() instanceof EntryList<?> other && other.entry().replacedByCopy();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** The header's closing brace: the header text ends with "\n}" (no image fields after it). */
    private static int lastIndexOf(byte[] bytes, byte value) {
        int i = bytes.length - 1;
        while (bytes[i] != value) {
            i--;
        }
        while (i > 0 && Character.isWhitespace(bytes[i - 1])) {
            i--;
        }
        return i;
    }

    /** Forgets the cached fragments (the next save serializes every image). */
    void forgetFragments() {
        fragments = new IdentityHashMap<>();
        writtenIndex = null;
    }
}
