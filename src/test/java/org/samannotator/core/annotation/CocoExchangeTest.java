package org.samannotator.core.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.coco.SegmentationEncoding;
import org.samannotator.core.geometry.Box;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.prompt.PromptPoint;

class CocoExchangeTest {
    @TempDir
    Path folder;

    private final Size size = new Size(60, 40);
    private final BitMask ringWithHole = BitMask.fromPredicate(size, (x, y) -> {
        double d = Math.hypot(x - 30, y - 20);
        return d < 16 && d > 7;
    });

    private AnnotationProject projectWithOneObject() throws Exception {
        ImageIO.write(new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB), "png", folder.resolve("a.png").toFile());
        ImageIO.write(new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB), "png", folder.resolve("b.png").toFile());
        AnnotatedObject object = new AnnotatedObject(5, 1, ringWithHole,
                new PromptSet(List.of(PromptPoint.foreground(30, 6)), Optional.of(new Box(13, 3, 47, 37))),
                OptionalDouble.of(0.875), 3.5);
        ImageAnnotations image = ImageAnnotations.empty("a.png").withSize(size).withObjects(List.of(object));
        return new AnnotationProject(new ProjectData(List.of(new Category(1, "ring", 0x123456)), List.of(image),
                Optional.empty(), 6));
    }

    @Test
    void exportWritesCocoWithOurExtraFields() throws Exception {
        Path target = folder.resolve("out.json");
        CocoExchange.ExportSummary summary = CocoExchange.export(projectWithOneObject(), folder,
                List.of("a.png", "b.png"), target, SegmentationEncoding.RLE);
        assertEquals(2, summary.images());
        JsonNode root = new ObjectMapper().readTree(target.toFile());
        JsonNode images = root.get("images");
        assertEquals(30, images.get(1).get("width").asInt(), "size of an unopened image read from its header");
        JsonNode a = root.get("annotations").get(0);
        assertEquals(ringWithHole.area(), a.get("area").asLong());
        assertEquals(ringWithHole.boundingBox().orElseThrow().x(), a.get("bbox").get(0).asInt());
        assertEquals(ringWithHole.boundingBox().orElseThrow().width(), a.get("bbox").get(2).asInt());
        assertEquals(0, a.get("iscrowd").asInt());
        assertEquals(List.of(40, 60), List.of(a.get("segmentation").get("size").get(0).asInt(),
                a.get("segmentation").get("size").get(1).asInt()));
        assertEquals(0.875, a.get("predicted_iou").asDouble(), 1e-9);
        assertEquals(3.5, a.get("seconds_spent").asDouble(), 1e-9);
        assertTrue(a.get("prompts").has("points"));
        assertEquals("#123456", root.get("categories").get(0).get("color").asText());
    }

    @Test
    void polygonExportWithHolesImportsBackToTheSameMask() throws Exception {
        Path target = folder.resolve("poly.json");
        CocoExchange.export(projectWithOneObject(), folder, List.of("a.png"), target, SegmentationEncoding.POLYGONS);
        assertTrue(new ObjectMapper().readTree(target.toFile()).get("annotations").get(0).get("segmentation").isArray());

        AnnotationProject fresh = new AnnotationProject(ProjectData.empty());
        fresh.addCategory("RING", 0xff0000);
        CocoExchange.ImportSummary summary = CocoExchange.importFile(fresh, folder, List.of("a.png"), target);
        assertEquals(1, summary.objects());
        assertEquals(0, summary.newCategories(), "categories match by name, ignoring case");
        AnnotatedObject imported = fresh.image("a.png").objects().get(0);
        assertEquals(ringWithHole, imported.mask());
        assertEquals(1, imported.prompts().points().size());
        assertEquals(ImageStatus.IN_PROGRESS, fresh.image("a.png").status());
        fresh.undo();
        assertTrue(fresh.image("a.png").objects().isEmpty(), "import is one undoable step");
    }

    @Test
    void anExportDeletesWhatAKilledExportOfTheSameFileLeft() throws Exception {
        Path target = folder.resolve("out.json");
        Path leftover = java.nio.file.Files.writeString(folder.resolve(".out.json.5e1f.tmp"), "{\"images\": [");
        java.nio.file.Files.setLastModifiedTime(leftover, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(CocoExchange.STALE_EXPORT_TEMPORARY).minusSeconds(60)));
        CocoExchange.export(projectWithOneObject(), folder, List.of("a.png"), target, SegmentationEncoding.RLE);
        assertTrue(java.nio.file.Files.exists(target));
        assertTrue(java.nio.file.Files.notExists(leftover), "the killed export's temporary file is gone");
    }

    @Test
    void importReportsImagesThatAreNotInTheFolderAndAddsMissingCategories() throws Exception {
        Path target = folder.resolve("out.json");
        CocoExchange.export(projectWithOneObject(), folder, List.of("a.png"), target, SegmentationEncoding.RLE);
        AnnotationProject other = new AnnotationProject(ProjectData.empty());
        CocoExchange.ImportSummary summary = CocoExchange.importFile(other, folder, List.of("x.png"), target);
        assertEquals(List.of("a.png"), summary.missingImages());
        assertEquals(1, summary.newCategories());
        assertEquals(0x123456, other.categories().get(0).rgb());
    }

    @Test
    void importSkipsImagesWhoseCocoSizeDiffersAndNeverChangesAKnownSize() throws Exception {
        Path target = folder.resolve("out.json");
        CocoExchange.export(projectWithOneObject(), folder, List.of("a.png"), target, SegmentationEncoding.RLE);
        Size other = new Size(80, 50);
        AnnotationProject known = new AnnotationProject(new ProjectData(List.of(),
                List.of(ImageAnnotations.empty("a.png").withSize(other)), Optional.empty(), 1));
        CocoExchange.ImportSummary summary = CocoExchange.importFile(known, folder, List.of("a.png"), target);
        assertEquals(0, summary.objects());
        assertEquals(1, summary.mismatchedImages().size());
        assertTrue(summary.mismatchedImages().get(0).contains("60x40"), summary.mismatchedImages().get(0));
        assertEquals(other, known.image("a.png").size().orElseThrow(), "the known size is kept");
        assertTrue(known.image("a.png").objects().isEmpty());

        ImageIO.write(new BufferedImage(61, 40, BufferedImage.TYPE_INT_RGB), "png", folder.resolve("a.png").toFile());
        AnnotationProject unopened = new AnnotationProject(ProjectData.empty());
        summary = CocoExchange.importFile(unopened, folder, List.of("a.png"), target);
        assertEquals(List.of("a.png (COCO says 60x40, the image is 61x40)"), summary.mismatchedImages(),
                "the size of an image never opened is read from its file");
        assertTrue(unopened.image("a.png").size().isEmpty());
    }

    @Test
    void importingIntoAnImageOfMatchingSizeKeepsThatSize() throws Exception {
        Path target = folder.resolve("out.json");
        CocoExchange.export(projectWithOneObject(), folder, List.of("a.png"), target, SegmentationEncoding.RLE);
        AnnotationProject unopened = new AnnotationProject(ProjectData.empty());
        CocoExchange.ImportSummary summary = CocoExchange.importFile(unopened, folder, List.of("a.png"), target);
        assertEquals(1, summary.objects());
        assertTrue(summary.mismatchedImages().isEmpty());
        assertEquals(size, unopened.image("a.png").size().orElseThrow());
    }
}
