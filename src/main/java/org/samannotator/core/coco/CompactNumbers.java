package org.samannotator.core.coco;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/** Writes whole-valued doubles as JSON integers (12 rather than 12.0), others unchanged. */
final class CompactNumbers {
    private static final double LARGEST_EXACT = 9.007199254740992E15; // 2^53

    private CompactNumbers() {
    }

    static Number compact(double v) {
        return isWhole(v) ? (Number) (long) v : (Number) v;
    }

    static void write(JsonGenerator gen, double v) throws IOException {
        if (isWhole(v)) {
            gen.writeNumber((long) v);
        } else {
            gen.writeNumber(v);
        }
    }

    private static boolean isWhole(double v) {
        return v == Math.rint(v) && Math.abs(v) < LARGEST_EXACT;
    }

    /** Jackson serializer for a double field. */
    static final class DoubleSerializer extends StdSerializer<Double> {
        DoubleSerializer() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            write(gen, value);
        }
    }
}
