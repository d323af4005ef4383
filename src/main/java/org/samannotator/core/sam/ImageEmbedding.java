package org.samannotator.core.sam;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.nio.FloatBuffer;
import org.samannotator.core.embedding.EmbeddingData;
import org.samannotator.core.geometry.SamTransform;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.segment.EncodedImage;

/**
 * The encoder's output for one image, held as a native ONNX tensor float32 [1, 256, 64, 64] that this
 * object owns: close it when the image is no longer needed. Knows the original image size it belongs to,
 * so prompts in original pixels can be mapped to the model frame.
 */
public final class ImageEmbedding implements EncodedImage {
    private static final long[] SHAPE = {1, EmbeddingData.CHANNELS, EmbeddingData.GRID, EmbeddingData.GRID};

    private final String modelId;
    private final Size originalSize;
    private final OnnxTensor tensor;
    private boolean closed;

    ImageEmbedding(String modelId, Size originalSize, OnnxTensor tensor) {
        this.modelId = modelId;
        this.originalSize = originalSize;
        this.tensor = tensor;
    }

    /** Wraps plain embedding values (e.g. from the on-disk cache) in a native tensor. */
    public static ImageEmbedding fromData(EmbeddingData data) {
        try {
            OnnxTensor tensor = OnnxTensor.createTensor(OrtEnvironment.getEnvironment(),
                    FloatBuffer.wrap(data.values()), SHAPE);
            return new ImageEmbedding(data.modelId(), data.originalSize(), tensor);
        } catch (OrtException e) {
            throw new SamModelException("could not create the embedding tensor: " + e.getMessage(), e);
        }
    }

    /** Copies the values out, for the on-disk cache. */
    @Override
    public synchronized EmbeddingData toData() {
        requireOpen();
        FloatBuffer buffer = tensor.getFloatBuffer();
        float[] values = new float[buffer.remaining()];
        buffer.get(values);
        return new EmbeddingData(modelId, originalSize, values);
    }

    public String modelId() {
        return modelId;
    }

    public Size originalSize() {
        return originalSize;
    }

    @Override
    public Size imageSize() {
        return originalSize;
    }

    public SamTransform transform() {
        return SamTransform.forImage(originalSize);
    }

    synchronized OnnxTensor tensor() {
        requireOpen();
        return tensor;
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this image embedding has been closed");
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            tensor.close();
        }
    }
}
