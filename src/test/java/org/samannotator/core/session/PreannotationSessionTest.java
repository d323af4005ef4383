package org.samannotator.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.annotation.AnnotatedObject;
import org.samannotator.core.annotation.AnnotationProject;
import org.samannotator.core.annotation.CocoExchange;
import org.samannotator.core.annotation.ObjectOrigin;
import org.samannotator.core.annotation.Suggestion;
import org.samannotator.core.auto.AmgObjectProposer;
import org.samannotator.core.auto.AmgSettings;
import org.samannotator.core.mask.BitMask;
import org.samannotator.gui.QueueExecutor;

/**
 * Pre-annotation through the session with the real automatic mask generator over the fake segmenter: the
 * current image and the folder, the review keys' commands, undo, and imported boxes decoded into suggestions.
 */
class PreannotationSessionTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path folder;
    private final QueueExecutor sessionThread = new QueueExecutor();
    private final FakeSegmenter fake = new FakeSegmenter();
    private AnnotationSession session;

    @BeforeEach
    void open() throws Exception {
        for (String name : List.of("a.png", "b.png")) {
            BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 64, 48);
            g.setColor(Color.RED);
            g.fillRect(20, 20, 20, 20);
            g.dispose();
            ImageIO.write(image, "png", folder.resolve(name).toFile());
        }
        AmgSettings settings = AmgSettings.defaults().withPointsPerSide(8).withPointsPerBatch(4);
        session = new AnnotationSession(() -> fake, null, sessionThread, new AmgObjectProposer(settings));
        assertTrue(session.openFolder(folder, Optional.empty(), () -> true).opened());
        session.openStartImage(Optional.empty(), () -> Optional.of("a.png"));
        sessionThread.runUntil(() -> session.imageState() == ImageState.READY, TIMEOUT, "image ready");
    }

    @AfterEach
    void close() {
        session.close();
    }

    private static BitMask square() {
        return BitMask.fromPredicate(new org.samannotator.core.geometry.Size(64, 48),
                (x, y) -> x >= 20 && x < 40 && y >= 20 && y < 40);
    }

    private AnnotationProject project() {
        return session.project().orElseThrow();
    }

    private void preannotateCurrentImage() {
        session.suggestions().preannotate();
        assertTrue(session.suggestions().isPreannotating());
        sessionThread.runUntil(() -> !session.suggestions().isPreannotating(), TIMEOUT, "pre-annotation done");
    }

    @Test
    void preannotateOffersTheObjectsAsSuggestionsNotObjects() {
        preannotateCurrentImage();
        List<Suggestion> suggestions = session.current().suggestions();
        assertTrue(session.current().objects().isEmpty());
        assertTrue(suggestions.stream().anyMatch(s -> square().equals(s.mask().orElseThrow())),
                "the red square is suggested: " + suggestions);
        assertTrue(fake.pointDecodes.get() > 0);
        assertTrue(fake.decodeThreads.stream().allMatch(t -> t.equals("sam-model-worker")),
                "every decode ran on the model thread: " + fake.decodeThreads);
        assertTrue(session.status().message().startsWith("Pre-annotated a.png"), session.status().message());
    }

    @Test
    void reviewKeysAcceptRejectAndUndo() {
        preannotateCurrentImage();
        int offered = session.current().suggestions().size();
        long squareId = session.current().suggestions().stream().filter(s -> square().equals(s.mask().orElseThrow()))
                .findFirst().orElseThrow().id();
        session.selection().selectSuggestion(squareId);
        session.suggestions().accept();
        AnnotatedObject object = session.current().objects().get(0);
        assertEquals(square(), object.mask());
        assertEquals(ObjectOrigin.SUGGESTED, object.origin());
        assertEquals(offered - 1, session.current().suggestions().size());

        session.suggestions().rejectAll();
        assertTrue(session.current().suggestions().isEmpty());
        session.undo();
        session.undo();
        assertEquals(offered, session.current().suggestions().size());
        assertTrue(session.current().objects().isEmpty());
        session.undo();
        assertTrue(session.current().suggestions().isEmpty(), "undo removes the pre-annotation");
    }

    @Test
    void editingTheSelectedSuggestionWithTheBrushMakesItSuggestedThenEdited() {
        preannotateCurrentImage();
        long squareId = session.current().suggestions().stream().filter(s -> square().equals(s.mask().orElseThrow()))
                .findFirst().orElseThrow().id();
        session.selection().selectSuggestion(squareId);
        session.paint(List.of(new org.samannotator.core.geometry.ImagePoint(45, 30)), 3, false);
        assertTrue(session.candidate().isPresent(), "the stroke turned the suggestion into the candidate");
        session.accept();
        sessionThread.runUntil(() -> !session.current().objects().isEmpty(), TIMEOUT, "accepted");
        AnnotatedObject object = session.current().objects().get(0);
        assertEquals(ObjectOrigin.SUGGESTED_THEN_EDITED, object.origin());
        assertTrue(object.mask().get(45, 30) && object.mask().get(25, 25));
    }

    @Test
    void preannotateFolderStoresSuggestionsForEveryImage() {
        session.suggestions().preannotateFolder();
        sessionThread.runUntil(() -> !session.suggestions().isPreannotating(), TIMEOUT, "folder pre-annotation done");
        assertTrue(session.status().message().startsWith("Pre-annotated 2 of 2 images"), session.status().message());
        for (String file : List.of("a.png", "b.png")) {
            assertTrue(project().image(file).suggestions().stream()
                    .anyMatch(s -> square().equals(s.mask().orElseThrow())), file);
        }
        session.undo();
        assertTrue(project().image("a.png").suggestions().isEmpty(), "the image on screen got an undo step");
        assertTrue(!project().image("b.png").suggestions().isEmpty(), "images off screen did not");
    }

    @Test
    void anUnreadableImageIsSkippedAndNamedWithoutStoppingTheFolderRun() throws Exception {
        Files.writeString(folder.resolve("c.png"), "not an image");
        session.openFolder(folder, Optional.of("a.png"), () -> true);
        session.openStartImage(Optional.of("a.png"), Optional::empty);
        sessionThread.runUntil(() -> session.imageState() == ImageState.READY, TIMEOUT, "image ready");
        session.suggestions().preannotateFolder();
        sessionThread.runUntil(() -> !session.suggestions().isPreannotating(), TIMEOUT, "folder pre-annotation done");
        String summary = session.status().message();
        assertTrue(summary.startsWith("Pre-annotated 2 of 3 images") && summary.contains("c.png"), summary);
        assertTrue(!project().image("b.png").suggestions().isEmpty());
    }

    @Test
    void boxOnlyCocoAnnotationsBecomeDecodedBoxSuggestions() throws Exception {
        Path coco = folder.resolve("detections.json");
        Files.writeString(coco, """
                {"images":[{"id":1,"file_name":"a.png","width":64,"height":48}],
                 "categories":[{"id":3,"name":"box thing"}],
                 "annotations":[{"id":1,"image_id":1,"category_id":3,"bbox":[18,18,24,24]}]}
                """);
        CocoExchange.ImportSummary summary = CocoExchange.importFile(project(), folder, session.files(), coco);
        assertEquals(1, summary.boxSuggestions());
        assertEquals(0, summary.objects());
        sessionThread.runUntil(() -> session.current().suggestions().stream().noneMatch(Suggestion::isPending),
                TIMEOUT, "box decoded");
        Suggestion box = session.current().suggestions().get(0);
        assertEquals(square(), box.mask().orElseThrow());
        session.suggestions().accept();
        AnnotatedObject object = session.current().objects().get(0);
        assertEquals("box thing", project().category(object.categoryId()).orElseThrow().name());
        assertEquals(ObjectOrigin.SUGGESTED, object.origin());
    }
}
