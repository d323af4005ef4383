package org.samannotator.core.session;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.samannotator.core.annotation.AnnotationProject;
import org.samannotator.core.annotation.Suggestion;
import org.samannotator.core.prompt.Prompt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes the current image's pending box suggestions (imported detection boxes) with the box as the prompt,
 * as background jobs of the model thread (after the user's own requests), and stores each mask in its
 * suggestion. Each suggestion is asked for once per open image. Session thread only.
 */
final class BoxSuggestionDecodes {
    private static final Logger LOG = LoggerFactory.getLogger(BoxSuggestionDecodes.class);

    private final SegmenterWorker worker;
    private final Executor sessionThread;
    private final Set<Long> requested = new HashSet<>();
    private String file;

    BoxSuggestionDecodes(SegmenterWorker worker, Executor sessionThread) {
        this.worker = worker;
        this.sessionThread = sessionThread;
    }

    /** Requests the decodes of {@code file}'s pending box suggestions not asked for yet (the image is ready). */
    void decodePending(AnnotationProject project, String imageFile) {
        if (!imageFile.equals(file)) {
            file = imageFile;
            requested.clear();
        }
        List<Suggestion> pending = project.image(imageFile).suggestions().stream()
                .filter(s -> s.isPending() && s.prompts().box().isPresent() && requested.add(s.id())).toList();
        for (Suggestion s : pending) {
            Prompt prompt = new Prompt(List.of(), s.prompts().box(), Optional.empty());
            worker.background((segmenter, encoding) -> segmenter.decode(encoding, prompt)).whenCompleteAsync(
                    (segmentation, error) -> {
                        if (error == null) {
                            project.suggestions().resolve(imageFile, s.id(), segmentation.first().mask(),
                                    segmentation.first().predictedIou());
                        } else {
                            LOG.debug("Box suggestion {} of {} not decoded: {}", s.id(), imageFile, error.toString());
                            requested.remove(s.id());
                        }
                    }, sessionThread);
        }
    }
}
