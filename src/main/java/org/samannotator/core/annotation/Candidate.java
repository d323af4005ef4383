package org.samannotator.core.annotation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.prompt.LowResMask;
import org.samannotator.core.sam.MaskCandidate;

/**
 * The object being prompted on the current image, not yet accepted: its prompts (original image pixels),
 * brush strokes applied on top of the decoded mask, the object it will replace (when re-prompting or
 * editing an existing object) and the decoder's proposals once they arrive.
 *
 * <p>Immutable except for its decoder result, which is set once by {@link #resolve} and shared by every
 * candidate derived with the same prompts (so undo snapshots see results that arrive later). Each prompt
 * change makes a new {@link #revision()}; results are matched to requests by that revision.
 */
public final class Candidate {
    private static final AtomicLong REVISIONS = new AtomicLong();

    private final Size imageSize;
    private final PromptSet prompts;
    private final List<MaskEdit> strokes;
    private final OptionalLong targetObjectId;
    private final long firstPromptMillis;
    private final DecodeResult decode;
    private final int chosenIndex;
    private final BitMask pendingFallback;
    private BitMask composedMask;
    private List<MaskCandidate> composedFor;

    private Candidate(Size imageSize, PromptSet prompts, List<MaskEdit> strokes, OptionalLong targetObjectId,
            long firstPromptMillis, DecodeResult decode, int chosenIndex, BitMask pendingFallback) {
        this.imageSize = imageSize;
        this.prompts = prompts;
        this.strokes = List.copyOf(strokes);
        this.targetObjectId = targetObjectId;
        this.firstPromptMillis = firstPromptMillis;
        this.decode = decode;
        this.chosenIndex = chosenIndex;
        this.pendingFallback = pendingFallback;
    }

    /** An empty candidate for an image of the given size, started at {@code nowMillis}. */
    public static Candidate start(Size imageSize, long nowMillis) {
        return new Candidate(imageSize, PromptSet.EMPTY, List.of(), OptionalLong.empty(), nowMillis,
                new DecodeResult(null), 0, null);
    }

    /** A candidate editing an existing object: its mask becomes the starting mask (as a stroke-free base). */
    public static Candidate editing(AnnotatedObject object, long nowMillis) {
        DecodeResult base = new DecodeResult(null);
        base.fixedMask = object.mask();
        return new Candidate(object.mask().size(), object.prompts(), List.of(), OptionalLong.of(object.id()),
                nowMillis, base, 0, null);
    }

    /** The same candidate with new prompts: a new revision whose decoder result is pending. */
    public Candidate withPrompts(PromptSet newPrompts) {
        return new Candidate(imageSize, newPrompts, strokes, targetObjectId, firstPromptMillis,
                new DecodeResult(null), 0, baseMask().orElse(null));
    }

    public Candidate withStroke(MaskEdit stroke) {
        List<MaskEdit> more = new ArrayList<>(strokes);
        more.add(stroke);
        return new Candidate(imageSize, prompts, more, targetObjectId, firstPromptMillis, decode, chosenIndex,
                pendingFallback);
    }

    public Candidate withChosenIndex(int index) {
        if (index < 0 || index >= alternatives().size()) {
            throw new IllegalArgumentException("no alternative " + index + " among " + alternatives().size());
        }
        return new Candidate(imageSize, prompts, strokes, targetObjectId, firstPromptMillis, decode, index,
                pendingFallback);
    }

    /** Stores the decoder's proposals (chosen first) for this revision; later calls are ignored. */
    public void resolve(List<MaskCandidate> proposals) {
        if (decode.proposals == null && !proposals.isEmpty()) {
            decode.proposals = List.copyOf(proposals);
        }
    }

    public long revision() {
        return decode.revision;
    }

    public Size imageSize() {
        return imageSize;
    }

    public PromptSet prompts() {
        return prompts;
    }

    public List<MaskEdit> strokes() {
        return strokes;
    }

    public OptionalLong targetObjectId() {
        return targetObjectId;
    }

    public long firstPromptMillis() {
        return firstPromptMillis;
    }

    /** True while prompts exist whose decoder result has not arrived yet. */
    public boolean isDecodePending() {
        return !prompts.isEmpty() && decode.proposals == null && decode.fixedMask == null;
    }

    /** The decoder's proposals, chosen first then the alternatives; empty while pending or without prompts. */
    public List<MaskCandidate> alternatives() {
        return decode.proposals == null ? List.of() : decode.proposals;
    }

    public int chosenIndex() {
        return chosenIndex;
    }

    public Optional<MaskCandidate> chosen() {
        List<MaskCandidate> all = alternatives();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(chosenIndex));
    }

    /** Low-res logits of the chosen proposal, fed to the decoder with the next added prompt. */
    public Optional<LowResMask> chosenLowRes() {
        return chosen().map(MaskCandidate::lowRes);
    }

    /** True when there is nothing to accept: no prompts and no strokes. */
    public boolean isBlank() {
        return prompts.isEmpty() && strokes.isEmpty() && decode.fixedMask == null;
    }

    /**
     * The mask to show and accept: the chosen decoded mask (or, while pending, the previous one) with the
     * strokes applied. Empty when there is nothing to show. Do not modify the returned mask.
     */
    public Optional<BitMask> mask() {
        if (composedMask == null || composedFor != decode.proposals) {
            composedMask = compose();
            composedFor = decode.proposals;
        }
        return Optional.ofNullable(composedMask);
    }

    private BitMask compose() {
        Optional<BitMask> base = baseMask();
        if (base.isEmpty() && strokes.isEmpty()) {
            return null;
        }
        BitMask result = base.map(BitMask::copy).orElseGet(() -> new BitMask(imageSize));
        for (MaskEdit stroke : strokes) {
            stroke.applyTo(result);
        }
        return result;
    }

    private Optional<BitMask> baseMask() {
        if (decode.proposals != null) {
            return Optional.of(decode.proposals.get(chosenIndex).mask());
        }
        if (decode.fixedMask != null) {
            return Optional.of(decode.fixedMask);
        }
        return prompts.isEmpty() ? Optional.empty() : Optional.ofNullable(pendingFallback);
    }

    /** Decoder output shared by the candidates of one revision; written once on the UI thread. */
    private static final class DecodeResult {
        private final long revision = REVISIONS.incrementAndGet();
        private List<MaskCandidate> proposals;
        private BitMask fixedMask;

        private DecodeResult(List<MaskCandidate> proposals) {
            this.proposals = proposals;
        }
    }
}
