package org.samannotator.core.embedding;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.samannotator.core.geometry.Size;

/**
 * The on-disk form of one cached embedding, all little-endian:
 * <pre>
 * int32  magic 0x424D4553 ("SEMB")      int32 version (1)
 * uint16 modelId length, modelId UTF-8  64 ASCII bytes: SHA-256 hex of the image file
 * int32  original width, int32 original height (pixels)
 * int32  value count (256*64*64), then that many float32 values ([1,256,64,64] row-major)
 * int32  CRC32 of every byte before it
 * </pre>
 */
final class EmbeddingFileFormat {
    static final int MAGIC = 0x424D4553;
    static final int VERSION = 1;
    private static final int HASH_CHARS = 64;

    /** A cache entry decoded from its bytes. */
    record Decoded(String contentHash, EmbeddingData data) {
    }

    /** A cache file that is truncated, corrupt or of another format; the reason says which. */
    static final class CorruptEntryException extends Exception {
        private static final long serialVersionUID = 1L;

        CorruptEntryException(String reason) {
            super(reason);
        }
    }

    private EmbeddingFileFormat() {
    }

    static byte[] encode(String contentHash, EmbeddingData data) {
        byte[] modelId = data.modelId().getBytes(StandardCharsets.UTF_8);
        if (modelId.length > 0xffff) {
            throw new IllegalArgumentException("model id is too long for the embedding cache");
        }
        int length = 4 + 4 + 2 + modelId.length + HASH_CHARS + 4 + 4 + 4 + data.values().length * 4 + 4;
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(MAGIC).putInt(VERSION).putShort((short) modelId.length).put(modelId);
        buffer.put(contentHash.getBytes(StandardCharsets.US_ASCII));
        buffer.putInt(data.originalSize().width()).putInt(data.originalSize().height());
        buffer.putInt(data.values().length);
        buffer.asFloatBuffer().put(data.values());
        buffer.position(buffer.position() + data.values().length * 4);
        buffer.putInt((int) crcOf(buffer.array(), length - 4));
        return buffer.array();
    }

    static Decoded decode(byte[] bytes) throws CorruptEntryException {
        if (bytes.length < 4 || (int) crcOf(bytes, bytes.length - 4) != readTrailingInt(bytes)) {
            throw new CorruptEntryException("checksum mismatch (corrupt or truncated, " + bytes.length + " bytes)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, bytes.length - 4).order(ByteOrder.LITTLE_ENDIAN);
        try {
            if (buffer.getInt() != MAGIC) {
                throw new CorruptEntryException("not an embedding cache file (bad magic)");
            }
            int version = buffer.getInt();
            if (version != VERSION) {
                throw new CorruptEntryException("unsupported version " + version);
            }
            String modelId = readString(buffer, Short.toUnsignedInt(buffer.getShort()), StandardCharsets.UTF_8);
            String contentHash = readString(buffer, HASH_CHARS, StandardCharsets.US_ASCII);
            Size size = new Size(buffer.getInt(), buffer.getInt());
            int count = buffer.getInt();
            if (count != EmbeddingData.VALUE_COUNT || buffer.remaining() != count * 4) {
                throw new CorruptEntryException("value count " + count + " with " + buffer.remaining()
                        + " data bytes, expected " + EmbeddingData.VALUE_COUNT + " values");
            }
            float[] values = new float[count];
            buffer.asFloatBuffer().get(values);
            return new Decoded(contentHash, new EmbeddingData(modelId, size, values));
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new CorruptEntryException("malformed header: " + e);
        }
    }

    private static String readString(ByteBuffer buffer, int length, Charset charset) {
        byte[] text = new byte[length];
        buffer.get(text);
        return new String(text, charset);
    }

    private static int readTrailingInt(byte[] bytes) {
        return ByteBuffer.wrap(bytes, bytes.length - 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    private static long crcOf(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }
}
