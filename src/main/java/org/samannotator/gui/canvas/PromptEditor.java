package org.samannotator.gui.canvas;

import java.util.List;
import java.util.Optional;
import org.samannotator.core.annotation.AnnotationProject;
import org.samannotator.core.annotation.Candidate;
import org.samannotator.core.geometry.Box;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.prompt.LowResMask;
import org.samannotator.core.prompt.PointLabel;
import org.samannotator.core.prompt.Prompt;
import org.samannotator.core.prompt.PromptPoint;
import org.samannotator.core.sam.Prediction;
import org.samannotator.gui.engine.ModelWorker;

/**
 * Editing the candidate's prompts on the canvas and decoding them: point clicks (add a point, or remove
 * the marker under the click), dragged boxes, Tab through the decoder's alternatives, and the decode
 * requests these trigger on the {@link ModelWorker}. All coordinates are ORIGINAL image pixels (x right,
 * y down). Input arriving while an accept waits for its decode is held by the {@link CandidateAcceptor}.
 */
final class PromptEditor {
    private final CanvasViewModel canvas;
    private final ModelWorker worker;
    private final CandidateAcceptor acceptor;

    PromptEditor(CanvasViewModel canvas, ModelWorker worker, CandidateAcceptor acceptor) {
        this.canvas = canvas;
        this.worker = worker;
        this.acceptor = acceptor;
    }

    /** See {@link CanvasViewModel#click}. */
    void click(ImagePoint p, boolean background, double markerTolerance) {
        if (!canPrompt() || !insideImage(p)
                || acceptor.deferredUntilAccepted(() -> click(p, background, markerTolerance))) {
            return;
        }
        canvas.latency().start();
        canvas.clearHover();
        Optional<Candidate> candidate = canvas.candidate();
        if (candidate.isPresent()) {
            List<PromptPoint> points = candidate.get().prompts().points();
            for (int i = points.size() - 1; i >= 0; i--) {
                if (points.get(i).position().distanceTo(p) <= markerTolerance) {
                    project().removePoint(file(), i).ifPresent(c -> requestDecode(c, null));
                    return;
                }
            }
        }
        Optional<LowResMask> previous = candidate.flatMap(Candidate::chosenLowRes);
        PromptPoint point = new PromptPoint(p, background ? PointLabel.BACKGROUND : PointLabel.FOREGROUND);
        requestDecode(project().addPoint(file(), point), previous.orElse(null));
    }

    /** See {@link CanvasViewModel#box}. */
    void box(Box dragged) {
        if (!canPrompt()) {
            return;
        }
        Box box = clampToImage(dragged);
        if (box.width() < 2 || box.height() < 2 || acceptor.deferredUntilAccepted(() -> box(box))) {
            return;
        }
        canvas.latency().start();
        canvas.clearHover();
        requestDecode(project().setBox(file(), box), null);
    }

    /** Tab: the next of the decoder's proposals (whole / part / subpart). */
    void cycleAlternative() {
        canvas.candidate().filter(c -> c.alternatives().size() > 1).ifPresent(
                c -> project().chooseAlternative(file(), (c.chosenIndex() + 1) % c.alternatives().size()));
    }

    /** True when a project and an image are open and the image's embedding is ready. */
    boolean canPrompt() {
        return canvas.project().isPresent() && canvas.imageProperty().get() != null
                && canvas.imageStateProperty().get() == ImageState.READY;
    }

    /** Decodes the candidate if its decode is pending (e.g. after the embedding became ready, or undo). */
    void decodeIfPending() {
        canvas.candidate().filter(Candidate::isDecodePending).ifPresent(c -> requestDecode(c, null));
    }

    /** True when {@code p} lies on the image's pixels (not in the margins around it). */
    private boolean insideImage(ImagePoint p) {
        RgbImage pixels = canvas.imageProperty().get();
        return pixels != null && p.x() >= 0 && p.y() >= 0 && p.x() < pixels.size().width()
                && p.y() < pixels.size().height();
    }

    /** {@code box} cut to the image's area [0, width] x [0, height] (an empty box when it lies outside). */
    private Box clampToImage(Box box) {
        double width = canvas.imageProperty().get().size().width();
        double height = canvas.imageProperty().get().size().height();
        double x0 = Math.min(Math.max(box.x0(), 0), width);
        double y0 = Math.min(Math.max(box.y0(), 0), height);
        return new Box(x0, y0, Math.max(x0, Math.min(box.x1(), width)), Math.max(y0, Math.min(box.y1(), height)));
    }

    /** Asks the decoder for {@code candidate}'s prompts; the result is matched back by revision. */
    private void requestDecode(Candidate candidate, LowResMask previous) {
        if (candidate.prompts().isEmpty()) {
            return;
        }
        String file = file();
        Prompt prompt = candidate.prompts().toPrompt(previous);
        worker.decode(prompt, prediction -> decoded(file, candidate, prediction), error -> {
            acceptor.decodeFailed(candidate.revision());
            canvas.messageProperty().set(error);
        });
    }

    private void decoded(String file, Candidate candidate, Prediction prediction) {
        boolean current = project().resolveDecode(file, candidate, prediction.allCandidates());
        canvas.lastDecodeMillisProperty().set(prediction.decoderMillis());
        acceptor.decodeResolved(current);
    }

    private AnnotationProject project() {
        return canvas.project().orElseThrow();
    }

    private String file() {
        return canvas.currentFileProperty().get();
    }
}
