package org.samannotator.core.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder's natural order: digit runs as numbers of any length, then case-insensitive, then exact. */
class ImageFolderOrderTest {
    private static final List<String> ORDERED = List.of("a.png", "A1.png", "a01.png", "a1.png", "a2.png", "a007.png",
            "a10.png", "a00010b.png", "a10b.png", "a99999999999999999999999.png", "a100000000000000000000000.png",
            "B.png", "b0.png", "b00.png", "img2_3.jpg", "img2_10.jpg", "img10_1.jpg");

    @Test
    void sortsShuffledNamesIntoNaturalOrder() {
        Random random = new Random(3);
        for (int round = 0; round < 20; round++) {
            List<String> names = new ArrayList<>(ORDERED);
            Collections.shuffle(names, random);
            names.sort(ImageFolder.NATURAL_ORDER);
            assertEquals(ORDERED, names);
        }
    }

    @Test
    void comparesEqualOnlyForTheSameName() {
        for (String a : ORDERED) {
            for (String b : ORDERED) {
                int cmp = ImageFolder.NATURAL_ORDER.compare(a, b);
                assertEquals(a.equals(b), cmp == 0, a + " vs " + b);
                assertEquals(Integer.signum(cmp), -Integer.signum(ImageFolder.NATURAL_ORDER.compare(b, a)));
            }
        }
    }

    @Test
    void listsOnlySupportedImagesInNaturalOrder(@TempDir Path folder) throws Exception {
        for (String name : List.of("img10.png", "img2.JPG", ".hidden.png", "notes.txt", "img1.tif")) {
            Files.writeString(folder.resolve(name), "x");
        }
        assertEquals(List.of("img1.tif", "img2.JPG", "img10.png"), ImageFolder.listImages(folder));
    }
}
