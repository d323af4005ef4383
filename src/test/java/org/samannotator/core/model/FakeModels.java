package org.samannotator.core.model;

import java.util.List;
import java.util.Random;

/** Small made-up model entries for tests: random bytes standing in for ONNX files, with their real hashes. */
public final class FakeModels {
    private FakeModels() {
    }

    public static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** The spec of a file with exactly these bytes. */
    public static ModelFileSpec specOf(String file, byte[] bytes) {
        return new ModelFileSpec(file, Sha256.hashBytes(bytes), bytes.length);
    }

    public static EncoderConventions samConventions() {
        return new EncoderConventions("input", null, 1024, List.of(123.675, 116.28, 103.53),
                List.of(58.395, 57.12, 57.375), "NCHW", "RGB", "bottom-right-zero");
    }

    public static ModelEntry entry(String id, ModelFileSpec encoder, ModelFileSpec decoder, ModelSource... sources) {
        return new ModelEntry(id, "Fake " + id, "MIT", encoder, decoder, samConventions(), List.of(sources));
    }

    public static ModelSource https(String encoderUrl, String decoderUrl) {
        return new ModelSource("https", null, null, null, encoderUrl, decoderUrl);
    }

    public static ModelSource npm(String packageSpec, String encoderPath, String decoderPath) {
        return new ModelSource("npm", packageSpec, encoderPath, decoderPath, null, null);
    }

    /** A manifest JSON document declaring one model served from the two URLs. */
    public static String manifestJson(String id, ModelFileSpec encoder, ModelFileSpec decoder, String encoderUrl,
            String decoderUrl, boolean withDefault) {
        return "{\n" + (withDefault ? "  \"formatVersion\": 1, \"defaultModel\": \"" + id + "\",\n" : "")
                + "  \"models\": [{\n"
                + "    \"id\": \"" + id + "\", \"displayName\": \"Fake " + id + "\", \"license\": \"MIT\",\n"
                + "    \"encoder\": " + specJson(encoder) + ",\n"
                + "    \"decoder\": " + specJson(decoder) + ",\n"
                + "    \"input\": {\"inputName\": \"input\", \"outputName\": null, \"size\": 1024,"
                + " \"mean\": [123.675, 116.28, 103.53], \"std\": [58.395, 57.12, 57.375], \"layout\": \"NCHW\","
                + " \"channelOrder\": \"RGB\", \"padding\": \"bottom-right-zero\"},\n"
                + "    \"sources\": [{\"type\": \"https\", \"encoderUrl\": \"" + encoderUrl + "\", \"decoderUrl\": \""
                + decoderUrl + "\"}]\n"
                + "  }]\n}\n";
    }

    private static String specJson(ModelFileSpec spec) {
        return "{\"file\": \"" + spec.file() + "\", \"sha256\": \"" + spec.sha256() + "\", \"size\": " + spec.size()
                + "}";
    }
}
