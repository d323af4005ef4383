package org.samannotator.core.coco;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.samannotator.core.coco.CocoSegmentation.PolygonSegmentation;
import org.samannotator.core.coco.CocoSegmentation.RleSegmentation;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.Polygon;
import org.samannotator.core.mask.Rle;

/** Jackson mapping of {@link CocoSegmentation} to and from COCO's JSON forms. Note "size" is [height, width]. */
final class CocoSegmentationJson {
    private CocoSegmentationJson() {
    }

    static final class Writer extends StdSerializer<CocoSegmentation> {
        Writer() {
            super(CocoSegmentation.class);
        }

        @Override
        public void serialize(CocoSegmentation value, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            if (value instanceof RleSegmentation r) {
                gen.writeStartObject();
                gen.writeArrayFieldStart("size");
                gen.writeNumber(r.rle().size().height());
                gen.writeNumber(r.rle().size().width());
                gen.writeEndArray();
                gen.writeStringField("counts", r.rle().toCompressedString());
                gen.writeEndObject();
            } else if (value instanceof PolygonSegmentation p) {
                gen.writeStartArray();
                for (Polygon polygon : p.polygons()) {
                    gen.writeStartArray();
                    for (double c : polygon.coordinates()) {
                        CompactNumbers.write(gen, c);
                    }
                    gen.writeEndArray();
                }
                gen.writeEndArray();
            }
        }
    }

    static final class Reader extends StdDeserializer<CocoSegmentation> {
        Reader() {
            super(CocoSegmentation.class);
        }

        @Override
        public CocoSegmentation deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
            JsonNode node = ctxt.readTree(parser);
            try {
                if (node.isArray()) {
                    return readPolygons(node);
                }
                if (node.isObject()) {
                    return readRle(node);
                }
                throw new IllegalArgumentException("segmentation must be a list of polygons or an RLE object, got "
                        + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return ctxt.reportInputMismatch(this, "%s", e.getMessage());
            }
        }

        private static PolygonSegmentation readPolygons(JsonNode node) {
            List<Polygon> polygons = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode ring = node.get(i);
                if (!ring.isArray()) {
                    throw new IllegalArgumentException("polygon " + i + " is not a list of numbers");
                }
                double[] xy = new double[ring.size()];
                for (int k = 0; k < xy.length; k++) {
                    if (!ring.get(k).isNumber()) {
                        throw new IllegalArgumentException("polygon " + i + " has a non-number at position " + k);
                    }
                    xy[k] = ring.get(k).doubleValue();
                    if (!Double.isFinite(xy[k])) {
                        throw new IllegalArgumentException("polygon " + i + " has a non-finite number at position " + k);
                    }
                }
                if (xy.length % 2 != 0) {
                    throw new IllegalArgumentException("polygon " + i + " has an odd number of coordinates ("
                            + xy.length + ")");
                }
                if (xy.length < 6) {
                    throw new IllegalArgumentException("polygon " + i + " has " + xy.length / 2
                            + " point(s); a polygon needs at least 3");
                }
                polygons.add(new Polygon(xy));
            }
            return new PolygonSegmentation(polygons);
        }

        private static RleSegmentation readRle(JsonNode node) {
            JsonNode size = node.get("size");
            if (size == null || !size.isArray() || size.size() != 2 || !size.get(0).canConvertToInt()
                    || !size.get(1).canConvertToInt() || !size.get(0).isIntegralNumber()
                    || !size.get(1).isIntegralNumber()) {
                throw new IllegalArgumentException("RLE needs \"size\": [height, width] with two integers");
            }
            Size maskSize = new Size(size.get(1).intValue(), size.get(0).intValue());
            JsonNode counts = node.get("counts");
            if (counts == null) {
                throw new IllegalArgumentException("RLE has no \"counts\"");
            }
            if (counts.isTextual()) {
                return new RleSegmentation(Rle.fromCompressedString(maskSize, counts.textValue()));
            }
            if (counts.isArray()) {
                long[] runs = new long[counts.size()];
                for (int i = 0; i < runs.length; i++) {
                    if (!counts.get(i).isIntegralNumber()) {
                        throw new IllegalArgumentException("RLE counts[" + i + "] is not an integer");
                    }
                    runs[i] = counts.get(i).longValue();
                }
                return new RleSegmentation(new Rle(maskSize, runs));
            }
            throw new IllegalArgumentException("RLE \"counts\" must be a string or a list of integers");
        }
    }
}
