package org.samannotator.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.annotation.AnnotatedObject;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.prompt.PointLabel;
import org.samannotator.gui.QueueExecutor;

/**
 * The annotation session on its own (no view models, no JavaFX) with the fake segmenter on tiny generated
 * images: the candidate loop, the order of its changes, deferred accepts, failures, undo across images.
 */
class AnnotationSessionTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** The red square of every test image: x, y in [20, 40). */
    private static final ImagePoint IN_SQUARE = new ImagePoint(30, 30);

    @TempDir
    Path folder;
    private final QueueExecutor sessionThread = new QueueExecutor();
    private final FakeSegmenter fake = new FakeSegmenter();
    private final List<SessionChange> changes = new ArrayList<>();
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
        session = new AnnotationSession(() -> fake, null, sessionThread);
        session.addListener(new SessionListener() {
            @Override
            public void sessionChanged(SessionChange change) {
                changes.add(change);
            }
        });
        FolderOutcome outcome = session.openFolder(folder, Optional.empty(), () -> true);
        assertTrue(outcome.opened(), outcome.alert().orElse(""));
        session.openStartImage(Optional.empty(), () -> Optional.of("a.png"));
        awaitReady();
    }

    @AfterEach
    void close() {
        session.close();
    }

    private void awaitReady() {
        sessionThread.runUntil(() -> session.imageState() == ImageState.READY, TIMEOUT, "image ready");
    }

    private void awaitDecoded() {
        sessionThread.runUntil(() -> session.candidate().map(c -> !c.isDecodePending()).orElse(true), TIMEOUT,
                "decoded");
    }

    private long count(SessionChange kind) {
        return changes.stream().filter(kind::equals).count();
    }

    @Test
    void aClickIsDrawnOnceBeforeItsDecodeAndOnceAfterThenAcceptRecordsTheObject() {
        changes.clear();
        session.click(IN_SQUARE, false, 3);
        assertEquals(1, count(SessionChange.ANNOTATIONS), "one change (one draw) before the decode");
        assertTrue(session.candidate().orElseThrow().isDecodePending());
        awaitDecoded();
        assertEquals(2, count(SessionChange.ANNOTATIONS), "one change (one draw) after the decode");
        assertEquals(400, session.candidate().orElseThrow().mask().orElseThrow().area());

        session.accept();
        AnnotatedObject object = session.current().objects().get(0);
        assertEquals(400, object.mask().area());
        assertEquals(PointLabel.FOREGROUND, object.prompts().points().get(0).label());
        assertEquals(0.95, object.predictedIou().orElseThrow(), 1e-6);
        assertEquals(session.currentCategoryId(), object.categoryId());
        assertTrue(session.candidate().isEmpty());
    }

    @Test
    void enterWhileDecodingAcceptsWhenTheResultArrivesAndLaterClicksStartTheNextObject() {
        fake.holdDecodes();
        session.click(IN_SQUARE, false, 3);
        session.accept();
        session.click(new ImagePoint(5, 5), false, 3);
        assertEquals(1, session.candidate().orElseThrow().prompts().points().size(), "the second click is held");
        fake.releaseAllDecodes();
        sessionThread.runUntil(() -> session.current().objects().size() == 1, TIMEOUT, "deferred accept");
        awaitDecoded();
        assertEquals(400, session.current().objects().get(0).mask().area());
        assertEquals(new ImagePoint(5, 5), session.candidate().orElseThrow().prompts().points().get(0).position(),
                "the held click started the next object");
    }

    @Test
    void aDecoderFailureIsShownAndEnterExplainsInsteadOfWaiting() {
        fake.failDecodes(true);
        session.click(IN_SQUARE, false, 3);
        sessionThread.runUntil(() -> session.status().message().startsWith("Decoder failed"), TIMEOUT, "error");
        session.accept();
        assertTrue(session.status().message().contains("decoder failed"), session.status().message());
        assertTrue(session.current().objects().isEmpty());
    }

    @Test
    void undoOfAnEditOnAnotherImageGoesBackToThatImageWithItsMask() {
        session.click(IN_SQUARE, false, 3);
        awaitDecoded();
        session.accept();
        session.openImage("b.png");
        awaitReady();
        session.undo();
        assertEquals(Optional.of("a.png"), session.currentFile());
        assertTrue(session.current().objects().isEmpty());
        assertEquals(400, session.candidate().orElseThrow().mask().orElseThrow().area(),
                "the candidate comes back with its mask, without decoding again");
    }

    @Test
    void theHoverPreviewShowsUntilTheFirstPrompt() {
        session.hover(IN_SQUARE);
        sessionThread.runUntil(() -> session.hoverMask().isPresent(), TIMEOUT, "hover mask");
        assertEquals(400, session.hoverMask().orElseThrow().mask().area());
        session.click(IN_SQUARE, false, 3);
        assertFalse(session.hoverMask().isPresent(), "a click replaces the preview");
    }

    @Test
    void aSecondSessionCannotOpenTheLockedFolder() {
        try (AnnotationSession other = new AnnotationSession(FakeSegmenter::new, null, new QueueExecutor())) {
            FolderOutcome outcome = other.openFolder(folder, Optional.empty(), () -> true);
            assertFalse(outcome.opened());
            assertTrue(outcome.alert().orElseThrow().contains("another SAM Annotator window"),
                    outcome.alert().orElseThrow());
        }
    }

    @Test
    void decodesRunOnTheModelThreadAndChangesArriveOnTheSessionThread() {
        Thread testThread = Thread.currentThread();
        List<Thread> listenerThreads = new ArrayList<>();
        session.addListener(new SessionListener() {
            @Override
            public void sessionChanged(SessionChange change) {
                listenerThreads.add(Thread.currentThread());
            }
        });
        session.click(IN_SQUARE, false, 3);
        awaitDecoded();
        assertEquals(List.of("sam-model-worker"), fake.decodeThreads);
        assertTrue(listenerThreads.stream().allMatch(testThread::equals));
    }

    @Test
    void aTruncatedImageIsShownWithAWarningNotSilently() throws Exception {
        BufferedImage image = new BufferedImage(256, 192, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, Color.YELLOW, 256, 192, Color.BLUE));
        g.fillRect(0, 0, 256, 192);
        g.dispose();
        java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
        ImageIO.write(image, "jpg", jpeg);
        byte[] bytes = jpeg.toByteArray();
        java.nio.file.Files.write(folder.resolve("c.jpg"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        session.openFolder(folder, Optional.empty(), () -> true);
        session.openImage("c.jpg");
        sessionThread.runUntil(() -> session.imageState() == ImageState.READY
                || session.imageState() == ImageState.FAILED, TIMEOUT, "truncated image answered");
        assertTrue(session.status().message().contains("Warning") || session.imageState() == ImageState.FAILED,
                session.status().message());
        assertTrue(session.status().message().contains("c.jpg"), session.status().message());
    }

    @Test
    void aDamagedProjectEntryIsShownOnceWhenItsImageOpensAndTheOtherImagesKeepTheirObjects() throws Exception {
        for (String file : List.of("a.png", "b.png")) {
            session.openImage(file);
            awaitReady();
            session.click(IN_SQUARE, false, 3);
            awaitDecoded();
            session.accept();
        }
        session.flushSaves();
        session.close();
        Path project = folder.resolve(".sam-annotator").resolve("project.samproj");
        String text = java.nio.file.Files.readString(project);
        int a = text.indexOf("\"file\":\"a.png\"");
        int rle = text.indexOf("\"rle\":\"", a) + "\"rle\":\"".length();
        java.nio.file.Files.writeString(project, text.substring(0, rle) + "~~" + text.substring(rle));

        session = new AnnotationSession(() -> fake, null, sessionThread);
        List<String> alerts = new ArrayList<>();
        session.addListener(new SessionListener() {
            @Override
            public void sessionChanged(SessionChange change) {
                if (change == SessionChange.ALERT) {
                    alerts.add(session.status().alert());
                }
            }
        });
        FolderOutcome outcome = session.openFolder(folder, Optional.empty(), () -> true);
        assertTrue(outcome.opened() && outcome.alert().isEmpty(), outcome.alert().orElse(""));
        session.openImage("b.png");
        awaitReady();
        assertEquals(List.of(), alerts, "an image whose entry reads shows nothing");
        assertEquals(1, session.current().objects().size());
        session.openImage("a.png");
        awaitReady();
        assertEquals(1, alerts.size());
        assertTrue(alerts.get(0).contains("a.png") && alerts.get(0).contains("kept as"), alerts.get(0));
        assertEquals(0, session.current().objects().size());
        session.openImage("b.png");
        awaitReady();
        session.openImage("a.png");
        awaitReady();
        assertEquals(1, alerts.size(), "shown once per folder opening");
    }

    @Test
    void reopeningTheOpenFolderRightAfterAChangeKeepsTheChange() {
        for (int round = 1; round <= 10; round++) {
            session.openImage(round % 2 == 0 ? "a.png" : "b.png");
            awaitReady();
            session.click(IN_SQUARE, false, 3);
            awaitDecoded();
            session.accept();
            // no flush: the autosave may still be writing when the same folder is opened again
            FolderOutcome outcome = session.openFolder(folder, Optional.empty(), () -> true);
            assertTrue(outcome.opened(), outcome.alert().orElse(""));
            session.flushSaves();
            sessionThread.drain();
            int objects = session.project().orElseThrow().image("a.png").objects().size()
                    + session.project().orElseThrow().image("b.png").objects().size();
            assertEquals(round, objects, "round " + round);
            assertEquals(org.samannotator.core.annotation.SaveStatus.State.SAVED, session.status().save().state(),
                    session.status().save().message());
        }
    }
}
