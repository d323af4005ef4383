package org.samannotator.core.annotation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import org.samannotator.core.geometry.Size;

/**
 * Reads one element of the project file's "images" at opening without building its objects: the file name,
 * status and size, and of each object and suggestion only what the project's checks need ({@link EntrySummary},
 * {@link EntryKeys}).
 * Masks, prompts and the rest stay text, read when the image is first needed ({@link ImageEntryText}). The
 * whole element is still tokenized, so malformed JSON is found at opening as before; long RLE strings are
 * skipped without being decoded.
 */
final class ImageEntryScan {
    private final ObjectMapper mapper;
    private final byte[] file;
    private final ImageEntryText.OriginalKeeper keeper;

    ImageEntryScan(ObjectMapper mapper, byte[] file, ImageEntryText.OriginalKeeper keeper) {
        this.mapper = mapper;
        this.file = file;
        this.keeper = keeper;
    }

    /**
     * The image whose text is the {@code length} bytes of the file from {@code offset}, as {@code summary}
     * describes it: its objects and suggestions stay that text until first needed. Throws
     * IllegalArgumentException when "file" or "status" is missing or the status is not valid.
     */
    ImageAnnotations build(EntrySummary summary, int offset, int length) {
        ImageAnnotations image = ImageAnnotations.empty(required(summary.fileName(), "file"))
                .withStatus(ImageStatus.fromFileName(required(summary.status(), "status")));
        if (summary.width() != null) {
            image = image.withSize(new Size(summary.width(), summary.height() == null ? 0 : summary.height()));
        }
        ImageEntryText text = new ImageEntryText(mapper, file, offset, length, image.fileName(), keeper);
        return image.withObjects(new EntryList<>(text, ImageEntryText.Contents::objects, summary.objects()))
                .withSuggestions(new EntryList<>(text, ImageEntryText.Contents::suggestions, summary.suggestions()));
    }

    /**
     * Reads the fields opening needs of the image whose START_OBJECT the parser is on, leaving the parser on
     * its END_OBJECT; checks nothing ({@link #build} does).
     */
    static EntrySummary summarize(JsonParser parser) throws IOException {
        String name = null;
        String status = null;
        Integer width = null;
        Integer height = null;
        EntryKeys objects = EntryKeys.NONE;
        EntryKeys suggestions = EntryKeys.NONE;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            if (parser.nextToken() == null) {
                throw new IOException("unexpected end of the file in an image");
            }
            switch (field) {
                case "file" -> name = scalarText(parser);
                case "status" -> status = scalarText(parser);
                case "width" -> width = wholeNumberOrZero(parser);
                case "height" -> height = wholeNumberOrZero(parser);
                case "objects" -> objects = keys(parser, true);
                case "suggestions" -> suggestions = keys(parser, false);
                default -> parser.skipChildren();
            }
        }
        return new EntrySummary(name, status, width, height, objects, suggestions);
    }

    private static String required(String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("missing field \"" + field + "\" in an image of the project file");
        }
        return value;
    }

    /** A scalar's text as a tree's asText would give it; null for null, a container gives "" (skipped). */
    private static String scalarText(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token.isStructStart()) {
            parser.skipChildren();
            return "";
        }
        return parser.getText();
    }

    private static int wholeNumberOrZero(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
            return parser.getIntValue();
        }
        parser.skipChildren();
        return 0;
    }

    /** The keys of an "objects" ({@code withMasks}) or "suggestions" array; the parser ends on its end. */
    private static EntryKeys keys(JsonParser parser, boolean withMasks) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return new EntryKeys(0, new long[0], null, null, null, false);
        }
        KeyColumns columns = new KeyColumns(withMasks);
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            columns.add(parser);
        }
        if (parser.currentToken() != JsonToken.END_ARRAY) {
            // an element that is not an object: count it, and let reading the entry report it
            columns.complete = false;
            do {
                parser.skipChildren();
                columns.count++;
            } while (parser.nextToken() != JsonToken.END_ARRAY && parser.currentToken() != null);
        }
        return columns.keys();
    }

    /** Growable columns of element keys. */
    private static final class KeyColumns {
        private final boolean withMasks;
        private long[] ids = new long[8];
        private int[] categoryIds;
        private int[] widths;
        private int[] heights;
        private int count;
        private boolean complete = true;

        KeyColumns(boolean withMasks) {
            this.withMasks = withMasks;
            if (withMasks) {
                categoryIds = new int[8];
                widths = new int[8];
                heights = new int[8];
            }
        }

        /** Reads one element (the parser on its START_OBJECT, left on its END_OBJECT). */
        void add(JsonParser parser) throws IOException {
            grow();
            int found = 0;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "id" -> found |= longValue(parser) ? 1 : 0;
                    case "categoryId" -> found |= withMasks && intValue(parser, categoryIds) ? 2 : 0;
                    case "width" -> found |= withMasks && intValue(parser, widths) ? 4 : 0;
                    case "height" -> found |= withMasks && intValue(parser, heights) ? 8 : 0;
                    default -> parser.skipChildren();
                }
            }
            complete &= found == (withMasks ? 15 : 1);
            count++;
        }

        private boolean longValue(JsonParser parser) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT
                    && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                ids[count] = parser.getLongValue();
                return true;
            }
            parser.skipChildren();
            return false;
        }

        private boolean intValue(JsonParser parser, int[] column) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
                column[count] = parser.getIntValue();
                return true;
            }
            parser.skipChildren();
            return false;
        }

        private void grow() {
            if (count < ids.length) {
                return;
            }
            int size = ids.length * 2;
            ids = Arrays.copyOf(ids, size);
            if (withMasks) {
                categoryIds = Arrays.copyOf(categoryIds, size);
                widths = Arrays.copyOf(widths, size);
                heights = Arrays.copyOf(heights, size);
            }
        }

        EntryKeys keys() {
            return new EntryKeys(count, Arrays.copyOf(ids, count), withMasks ? Arrays.copyOf(categoryIds, count) : null,
                    withMasks ? Arrays.copyOf(widths, count) : null, withMasks ? Arrays.copyOf(heights, count) : null,
                    complete);
        }
    }
}
