package org.samannotator.core.annotation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.samannotator.core.segment.ProposedMask;

/**
 * The model's proposals of the last {@value #CAPACITY} candidate revisions, so undo and redo bring a
 * candidate back with its mask instead of decoding it again. Bounded: full-size masks are large.
 */
final class DecodedProposals {
    static final int CAPACITY = 16;

    private final Map<Long, List<ProposedMask>> byRevision = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, List<ProposedMask>> eldest) {
            return size() > CAPACITY;
        }
    };

    void remember(long revision, List<ProposedMask> proposals) {
        byRevision.putIfAbsent(revision, List.copyOf(proposals));
    }

    /** {@code image} with its candidate's proposals filled in when it is pending and they are known. */
    ImageAnnotations fillIn(ImageAnnotations image) {
        Optional<Candidate> pending = image.candidate().filter(Candidate::isDecodePending);
        if (pending.isEmpty()) {
            return image;
        }
        List<ProposedMask> known = byRevision.get(pending.get().revision());
        return known == null ? image : image.withCandidate(pending.get().withProposals(known));
    }
}
