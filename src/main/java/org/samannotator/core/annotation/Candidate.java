package org.samannotator.core.annotation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.mask.MaskView;
import org.samannotator.core.prompt.LowResMask;
import org.samannotator.core.segment.ProposedMask;

/**
 * The object being prompted on the current image, not yet accepted: its prompts (original image pixels),
 * brush strokes applied on top of the decoded mask, the object it will replace (when re-prompting or
 * editing an existing object) and the model's proposed masks once they arrive.
 *
 * <p>Immutable. Each prompt change makes a new {@link #revision()} whose proposals are pending; a decode
 * result is stored with {@link #withProposals}, which keeps the revision, so results are matched to the
 * request that produced them.
 */
public final class Candidate {
    private static final AtomicLong REVISIONS = new AtomicLong();

    private final Size imageSize;
    private final PromptSet prompts;
    private final List<MaskEdit> strokes;
    private final OptionalLong targetObjectId;
    private final long firstPromptMillis;
    private final long revision;
    /** The model's proposals (shown first, then the alternatives), or null while pending. */
    private final List<ProposedMask> proposals;
    /** The edited object's mask, the base of an editing candidate that has no proposals yet. */
    private final BitMask fixedMask;
    private final int chosenIndex;
    /** What to show while this revision's proposals are pending: the previous revision's mask. */
    private final MaskView pendingFallback;
    private BitMask composedMask;
    private MaskView shownView;

    private Candidate(Size imageSize, PromptSet prompts, List<MaskEdit> strokes, OptionalLong targetObjectId,
            long firstPromptMillis, long revision, List<ProposedMask> proposals, BitMask fixedMask, int chosenIndex,
            MaskView pendingFallback) {
        this.imageSize = imageSize;
        this.prompts = prompts;
        this.strokes = List.copyOf(strokes);
        this.targetObjectId = targetObjectId;
        this.firstPromptMillis = firstPromptMillis;
        this.revision = revision;
        this.proposals = proposals == null ? null : List.copyOf(proposals);
        this.fixedMask = fixedMask;
        this.chosenIndex = chosenIndex;
        this.pendingFallback = pendingFallback;
    }

    /** An empty candidate for an image of the given size, started at {@code nowMillis}. */
    public static Candidate start(Size imageSize, long nowMillis) {
        return new Candidate(imageSize, PromptSet.EMPTY, List.of(), OptionalLong.empty(), nowMillis,
                REVISIONS.incrementAndGet(), null, null, 0, null);
    }

    /** A candidate editing an existing object: its mask becomes the starting mask (as a stroke-free base). */
    public static Candidate editing(AnnotatedObject object, long nowMillis) {
        return new Candidate(object.mask().size(), object.prompts(), List.of(), OptionalLong.of(object.id()),
                nowMillis, REVISIONS.incrementAndGet(), null, object.mask(), 0, null);
    }

    /** The same candidate with new prompts: a new revision whose proposals are pending. */
    public Candidate withPrompts(PromptSet newPrompts) {
        return new Candidate(imageSize, newPrompts, strokes, targetObjectId, firstPromptMillis,
                REVISIONS.incrementAndGet(), null, null, 0, baseView().orElse(null));
    }

    public Candidate withStroke(MaskEdit stroke) {
        List<MaskEdit> more = new ArrayList<>(strokes);
        more.add(stroke);
        return new Candidate(imageSize, prompts, more, targetObjectId, firstPromptMillis, revision, proposals,
                fixedMask, chosenIndex, pendingFallback);
    }

    public Candidate withChosenIndex(int index) {
        if (index < 0 || index >= alternatives().size()) {
            throw new IllegalArgumentException("no alternative " + index + " among " + alternatives().size());
        }
        return new Candidate(imageSize, prompts, strokes, targetObjectId, firstPromptMillis, revision, proposals,
                fixedMask, index, pendingFallback);
    }

    /** This revision with the model's proposals (shown first, then the alternatives); never empty. */
    public Candidate withProposals(List<ProposedMask> newProposals) {
        if (newProposals.isEmpty()) {
            throw new IllegalArgumentException("no proposals");
        }
        return new Candidate(imageSize, prompts, strokes, targetObjectId, firstPromptMillis, revision,
                newProposals, fixedMask, 0, pendingFallback);
    }

    public long revision() {
        return revision;
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

    /** True while prompts exist whose proposals have not arrived yet. */
    public boolean isDecodePending() {
        return !prompts.isEmpty() && proposals == null && fixedMask == null;
    }

    /** The model's proposals, the shown one first; empty while pending or without prompts. */
    public List<ProposedMask> alternatives() {
        return proposals == null ? List.of() : proposals;
    }

    public int chosenIndex() {
        return chosenIndex;
    }

    public Optional<ProposedMask> chosen() {
        List<ProposedMask> all = alternatives();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(chosenIndex));
    }

    /** Low-res logits of the chosen proposal, fed to the decoder with the next added prompt. */
    public Optional<LowResMask> chosenLowRes() {
        return chosen().map(ProposedMask::lowRes);
    }

    /** True when there is nothing to accept: no prompts and no strokes. */
    public boolean isBlank() {
        return prompts.isEmpty() && strokes.isEmpty() && fixedMask == null;
    }

    /**
     * The mask to show and accept: the chosen proposal (or, while pending, the previous one) with the
     * strokes applied. Empty when there is nothing to show. Do not modify the returned mask.
     */
    public synchronized Optional<BitMask> mask() {
        if (composedMask == null) {
            composedMask = compose();
        }
        return Optional.ofNullable(composedMask);
    }

    /**
     * The mask to show as a view the canvas samples at screen resolution: the chosen proposal's own view
     * (its logits, without computing the full mask) when no strokes apply, else a view over {@link #mask()}.
     * The same view object for the life of this candidate.
     */
    public synchronized Optional<MaskView> view() {
        if (shownView == null) {
            shownView = strokes.isEmpty() ? baseView().orElse(null) : mask().map(MaskView::of).orElse(null);
        }
        return Optional.ofNullable(shownView);
    }

    private BitMask compose() {
        Optional<BitMask> base = baseMask();
        if (base.isEmpty() && strokes.isEmpty()) {
            return null;
        }
        if (strokes.isEmpty()) {
            return base.get();
        }
        BitMask result = base.map(BitMask::copy).orElseGet(() -> new BitMask(imageSize));
        for (MaskEdit stroke : strokes) {
            stroke.applyTo(result);
        }
        return result;
    }

    private Optional<BitMask> baseMask() {
        return baseView().map(MaskView::mask);
    }

    private Optional<MaskView> baseView() {
        if (proposals != null) {
            return Optional.of(proposals.get(chosenIndex).view());
        }
        if (fixedMask != null) {
            return Optional.of(MaskView.of(fixedMask));
        }
        return prompts.isEmpty() ? Optional.empty() : Optional.ofNullable(pendingFallback);
    }
}
