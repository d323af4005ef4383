package org.samannotator.core.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.samannotator.core.io.AtomicFiles;
import org.samannotator.core.onnx.QuantizationScheme;
import org.samannotator.core.onnx.WeightQuantizer;

/**
 * Computes one file of a derived model from its parent's verified file ({@link WeightQuantizer}, in Java, no
 * download) and installs it only if its size and SHA-256 are the manifest's: the quantizer is deterministic,
 * so the manifest can record the result's hash and a different result is an error, never silently used.
 */
final class ModelDerivation {
    private ModelDerivation() {
    }

    /**
     * @param target the derived file's manifest entry (name, expected size and SHA-256)
     * @param parentFile the verified parent file it is computed from
     * @throws ModelDerivationException when the result does not match {@code target} (nothing is written)
     */
    static Path derive(ModelFileSpec target, Path parentFile, QuantizationScheme scheme, Path modelsDir,
            FetchProgressListener listener) throws IOException {
        String phase = "quantizing " + parentFile.getFileName() + " (" + scheme.id() + ")";
        listener.onProgress(0, target.size(), phase);
        byte[] bytes = WeightQuantizer.quantize(Files.readAllBytes(parentFile), scheme).modelBytes();
        String hash = Sha256.hashBytes(bytes);
        Path file = modelsDir.resolve(target.file());
        if (bytes.length != target.size() || !hash.equalsIgnoreCase(target.sha256())) {
            throw new ModelDerivationException(file.getFileName() + " computed from " + parentFile.getFileName()
                    + " with " + scheme.id() + " has " + bytes.length + " bytes and SHA-256 " + hash
                    + ", but the model manifest expects " + target.size() + " bytes and SHA-256 "
                    + target.sha256().toLowerCase(Locale.ROOT) + "; it was not installed. The manifest entry does"
                    + " not match this version's quantizer: use the model manifest shipped with this version.");
        }
        AtomicFiles.writeBytes(file, bytes);
        HashSidecar.remember(file, hash);
        listener.onProgress(target.size(), target.size(), phase);
        return file;
    }

    /** A derived file came out different from what the manifest records. */
    static final class ModelDerivationException extends IOException {
        private static final long serialVersionUID = 1L;

        ModelDerivationException(String message) {
            super(message);
        }
    }
}
