package org.samannotator.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;

class EvaluationDatasetTest {
    @TempDir
    Path root;

    @Test
    void pairsImagesWithMasksByBaseNameAnyExtensionCase() throws IOException {
        Files.createDirectories(root.resolve("images"));
        Files.createDirectories(root.resolve("masks"));
        for (String image : List.of("b.JPG", "a.bmp", "c.png", "notes.txt", "nomask.jpg")) {
            Files.write(root.resolve("images").resolve(image), new byte[] {1});
        }
        for (String mask : List.of("a.png", "b.png", "c.png", "notes.png")) {
            Files.write(root.resolve("masks").resolve(mask), new byte[] {1});
        }
        List<EvaluationDataset.Sample> samples = EvaluationDataset.list(root);
        assertEquals(List.of("a", "b", "c"), samples.stream().map(EvaluationDataset.Sample::name).toList());
        assertEquals(root.resolve("images").resolve("b.JPG"), samples.get(1).image());
        assertEquals(root.resolve("masks").resolve("b.png"), samples.get(1).mask());
    }

    @Test
    void missingFolderOrNoPairIsATypedError() throws IOException {
        EvaluationDataException missing = assertThrows(EvaluationDataException.class,
                () -> EvaluationDataset.list(root));
        assertEquals(root.resolve("images"), missing.file());
        Files.createDirectories(root.resolve("images"));
        Files.createDirectories(root.resolve("masks"));
        Files.write(root.resolve("images").resolve("x.jpg"), new byte[] {1});
        EvaluationDataException empty = assertThrows(EvaluationDataException.class,
                () -> EvaluationDataset.list(root));
        assertTrue(empty.getMessage().contains("no image"));
    }

    @Test
    void readsGrayMaskLevelsExactly() throws IOException {
        BufferedImage gray = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = gray.getRaster();
        int[] levels = {0, 128, 255, 200, 127, 128};
        raster.setPixels(0, 0, 3, 2, levels);
        Path file = root.resolve("m.png");
        ImageIO.write(gray, "png", file.toFile());
        GroundTruth truth = GroundTruthReader.read(file);
        Size size = new Size(3, 2);
        assertEquals(BitMask.fromPredicate(size, (x, y) -> y * 3 + x == 2 || y * 3 + x == 3), truth.object());
        assertEquals(BitMask.fromPredicate(size, (x, y) -> y * 3 + x == 1 || y * 3 + x == 5), truth.ignore());
    }

    @Test
    void colouredOrUnreadableMasksAreTypedErrors() throws IOException {
        BufferedImage rgb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(1, 0, 0xFF0000);
        Path coloured = root.resolve("c.png");
        ImageIO.write(rgb, "png", coloured.toFile());
        EvaluationDataException error = assertThrows(EvaluationDataException.class,
                () -> GroundTruthReader.read(coloured));
        assertTrue(error.getMessage().contains("grayscale"), error.getMessage());
        Path garbage = root.resolve("g.png");
        Files.write(garbage, new byte[] {1, 2, 3});
        assertEquals(garbage, assertThrows(EvaluationDataException.class, () -> GroundTruthReader.read(garbage)).file());
    }

    @Test
    void rgbMaskWithEqualChannelsIsAccepted() throws IOException {
        BufferedImage rgb = new BufferedImage(2, 1, BufferedImage.TYPE_3BYTE_BGR);
        rgb.getRaster().setPixels(0, 0, 2, 1, new int[] {128, 128, 128, 255, 255, 255});
        Path file = root.resolve("rgb.png");
        ImageIO.write(rgb, "png", file.toFile());
        GroundTruth truth = GroundTruthReader.read(file);
        assertTrue(truth.ignore().get(0, 0));
        assertTrue(truth.object().get(1, 0));
    }
}
