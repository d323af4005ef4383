package org.samannotator.core.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.annotation.AnnotationProject;

class VocCodecTest {
    @TempDir
    Path folder;
    @TempDir
    Path out;

    @Test
    void paletteIsTheStandardVocPalette() {
        assertEquals(0x000000, VocPalette.rgb(0));
        assertEquals(0x800000, VocPalette.rgb(1));
        assertEquals(0x008000, VocPalette.rgb(2));
        assertEquals(0x808000, VocPalette.rgb(3));
        assertEquals(0x000080, VocPalette.rgb(4));
        assertEquals(0x400000, VocPalette.rgb(8));
        assertEquals(0xE0E0C0, VocPalette.rgb(255));
        assertEquals(255, VocPalette.indexOf(0xE0E0C0));
        assertEquals(-1, VocPalette.indexOf(0x123456));
    }

    @Test
    void roundTripKeepsPixelsOfObjectsThatDoNotOverlap() throws IOException {
        FormatsFixture fixture = new FormatsFixture(folder);
        ProjectFormats.export(fixture.project, folder, fixture.images(), AnnotationFormat.VOC, out,
                ExportOptions.DEFAULT);

        AnnotationProject imported = FormatsFixture.emptyProject();
        var report = ProjectFormats.importInto(imported, folder, fixture.images(), AnnotationFormat.VOC, out);

        assertEquals(4, report.added().objects());
        for (String image : List.of("a.png", "b.png")) {
            assertEquals(FormatsFixture.masks(fixture.project, image), FormatsFixture.masks(imported, image), image);
            assertEquals(FormatsFixture.categoryNames(fixture.project, image),
                    FormatsFixture.categoryNames(imported, image));
        }
    }

    @Test
    void writesIndexedPalettePngsXmlBoxesAndLists() throws IOException {
        FormatsFixture fixture = new FormatsFixture(folder);
        ProjectFormats.export(fixture.project, folder, fixture.images(), AnnotationFormat.VOC, out,
                ExportOptions.DEFAULT);

        BufferedImage classes = ImageIO.read(out.resolve("SegmentationClass/a.png").toFile());
        BufferedImage objects = ImageIO.read(out.resolve("SegmentationObject/a.png").toFile());
        assertTrue(classes.getColorModel() instanceof IndexColorModel);
        assertEquals(1, classes.getRaster().getSample(3, 3, 0), "cat is class 1");
        assertEquals(2, classes.getRaster().getSample(31, 21, 0), "dog is class 2");
        assertEquals(0, classes.getRaster().getSample(7, 7, 0), "the ring's hole is background");
        assertEquals(3, objects.getRaster().getSample(31, 21, 0), "third object of the image");
        assertEquals(0x800000, classes.getRGB(3, 3) & 0xFFFFFF);
        String xml = Files.readString(out.resolve("Annotations/a.xml"));
        assertTrue(xml.contains("<xmin>3</xmin>") && xml.contains("<xmax>14</xmax>"), "1-based inclusive: " + xml);
        assertEquals("a\nb\n", Files.readString(out.resolve("ImageSets/Segmentation/trainval.txt")));
        assertTrue(Files.readString(out.resolve("labelmap.txt")).contains("dog:0,128,0::"));
        assertFalse(Files.exists(out.resolve("SegmentationClass/c.png")), "no masks for images without objects");
        assertFalse(Files.exists(out.resolve("JPEGImages")), "images are copied only when asked");
    }

    @Test
    void overlapGoesToTheLaterObject() throws IOException {
        FormatsFixture fixture = new FormatsFixture(folder);
        AnnotationProject project = FormatsFixture.emptyProject();
        var first = FormatsFixture.rectangle(FormatsFixture.B, 0, 0, 10, 10);
        var second = FormatsFixture.rectangle(FormatsFixture.B, 5, 5, 15, 15);
        project.importObjects(List.of(new org.samannotator.core.annotation.Category(1, "x", 0)), java.util.Map.of(
                "b.png", List.of(imported(first), imported(second))));
        ProjectFormats.export(project, folder, fixture.images(), AnnotationFormat.VOC, out, ExportOptions.DEFAULT);

        AnnotationProject back = FormatsFixture.emptyProject();
        ProjectFormats.importInto(back, folder, fixture.images(), AnnotationFormat.VOC, out);

        var masks = FormatsFixture.masks(back, "b.png");
        assertEquals(second, masks.get(1));
        assertEquals(100 - 25, masks.get(0).area());
    }

    @Test
    void objectIndexWithoutXmlObjectIsReportedWithFileAndPixel() throws IOException {
        FormatsFixture fixture = new FormatsFixture(folder);
        ProjectFormats.export(fixture.project, folder, fixture.images(), AnnotationFormat.VOC, out,
                ExportOptions.DEFAULT);
        Files.writeString(out.resolve("Annotations/b.xml"), "<annotation><filename>b.png</filename></annotation>");

        IOException e = assertThrows(FormatFileException.class, () -> ProjectFormats.importInto(
                FormatsFixture.emptyProject(), folder, fixture.images(), AnnotationFormat.VOC, out));

        assertTrue(e.getMessage().contains("b.png, pixel (0, 0): object 1 but Annotations/b.xml lists 0"),
                e.getMessage());
    }

    private static org.samannotator.core.annotation.ImportedObject imported(org.samannotator.core.mask.BitMask m) {
        return new org.samannotator.core.annotation.ImportedObject(1, m,
                org.samannotator.core.annotation.PromptSet.EMPTY, java.util.OptionalDouble.empty(), 0);
    }
}
