package org.samannotator.core.sam;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.samannotator.core.model.EncoderConventions;
import org.samannotator.core.model.InstalledModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two ONNX Runtime sessions of a SAM-family model: the image encoder and the prompt decoder (patched
 * by {@link DecoderGraphPatcher} to also return all mask tokens when its graph allows it).
 */
final class SamSessions implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SamSessions.class);

    static final List<String> DECODER_INPUTS = List.of("image_embeddings", "point_coords", "point_labels",
            "mask_input", "has_mask_input", "orig_im_size");

    final OrtEnvironment environment;
    final OrtSession encoder;
    final OrtSession decoder;
    final String encoderInputName;
    final String encoderOutputName;
    /**
     * Names of the two extra outputs, the [1,4,256,256] all-token low-res masks and the [1,4] IoUs (told
     * apart by their rank when read), or empty when the decoder does not expose them.
     */
    final List<String> allTokenOutputs;

    private SamSessions(OrtEnvironment environment, OrtSession encoder, OrtSession decoder, String encoderInputName,
            String encoderOutputName, List<String> allTokenOutputs) {
        this.environment = environment;
        this.encoder = encoder;
        this.decoder = decoder;
        this.encoderInputName = encoderInputName;
        this.encoderOutputName = encoderOutputName;
        this.allTokenOutputs = List.copyOf(allTokenOutputs);
    }

    static SamSessions open(InstalledModel model) {
        return open(model, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** Opens both sessions with {@code intraOpThreads} threads per session run (the calling thread included). */
    static SamSessions open(InstalledModel model, int intraOpThreads) {
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intra-op threads must be at least 1, got " + intraOpThreads);
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession encoder = null;
        try {
            encoder = createSession(env, model.encoderFile(), Files.readAllBytes(model.encoderFile()), intraOpThreads);
            EncoderConventions conventions = model.entry().input();
            String inputName = requireInput(encoder, conventions.inputName(), model.encoderFile());
            String outputName = conventions.outputName() != null ? conventions.outputName()
                    : encoder.getOutputNames().iterator().next();
            SamSessions sessions = openDecoder(env, encoder, inputName, outputName, model.decoderFile(),
                    intraOpThreads);
            encoder = null;
            return sessions;
        } catch (IOException e) {
            throw new SamModelException("cannot read model file " + e.getMessage() + " (deleted or moved while the"
                    + " app was running?). Run 'sam-annotator models fetch' to install the model again.", e);
        } finally {
            closeQuietly(encoder);
        }
    }

    private static SamSessions openDecoder(OrtEnvironment env, OrtSession encoder, String inputName,
            String outputName, Path decoderFile, int threads) throws IOException {
        byte[] original = Files.readAllBytes(decoderFile);
        Optional<DecoderGraphPatcher.PatchedDecoder> patched = Optional.empty();
        try {
            patched = DecoderGraphPatcher.exposeAllMaskTokens(original);
        } catch (IOException e) {
            throw new SamModelException(decoderFile + " is not a valid ONNX model: " + e.getMessage()
                    + ". Delete it and run 'sam-annotator models fetch' to install the model again.", e);
        }
        if (patched.isPresent()) {
            try {
                OrtSession decoder = checkedDecoder(env, decoderFile, patched.get().modelBytes(), threads);
                return new SamSessions(env, encoder, decoder, inputName, outputName, patched.get().extraOutputs());
            } catch (SamModelException e) {
                // fall through to the unpatched model below: it still yields one mask per prompt
                LOG.info("the decoder with alternative-mask outputs does not load ({}); using the original decoder,"
                        + " one mask per prompt", e.getMessage());
            }
        }
        return new SamSessions(env, encoder, checkedDecoder(env, decoderFile, original, threads), inputName, outputName, List.of());
    }

    /** A decoder session that has the six SAM decoder inputs; closed again if it does not. */
    private static OrtSession checkedDecoder(OrtEnvironment env, Path decoderFile, byte[] bytes, int threads) {
        OrtSession decoder = createSession(env, decoderFile, bytes, threads);
        try {
            for (String name : DECODER_INPUTS) {
                requireInput(decoder, name, decoderFile);
            }
            return decoder;
        } catch (SamModelException e) {
            closeQuietly(decoder);
            throw e;
        }
    }

    private static OrtSession createSession(OrtEnvironment env, Path file, byte[] bytes, int threads) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setIntraOpNumThreads(threads);
            // Idle intra-op threads block instead of spinning: on 2 cores spinning threads took CPU from the
            // UI thread and renderer right after each decode (bench-ui: about 10 % lower click-to-overlay).
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            // No pre-planned activation blocks: the arena serves the same runs, and the encoder's resident set is
            // about 200 MB smaller at the same speed (BENCHMARKS.md, "Memory of the model sessions").
            options.setMemoryPatternOptimization(false);
            return env.createSession(bytes, options);
        } catch (OrtException e) {
            throw new SamModelException(file + " could not be loaded as an ONNX model: " + e.getMessage()
                    + ". Delete it and run 'sam-annotator models fetch' to install the model again.", e);
        }
    }

    private static String requireInput(OrtSession session, String name, Path file) {
        Set<String> names = session.getInputNames();
        if (!names.contains(name)) {
            throw new SamModelException(file + " is not the expected SAM model: it has no input '" + name
                    + "' (inputs: " + names + ")");
        }
        return name;
    }

    private static void closeQuietly(OrtSession session) {
        if (session != null) {
            try {
                session.close();
            } catch (OrtException e) {
                // nothing more to do while failing already
                LOG.debug("closing a rejected ONNX session failed: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(encoder);
        closeQuietly(decoder);
    }
}
