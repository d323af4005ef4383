package org.samannotator.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.samannotator.core.annotation.AnnotatedObject;
import org.samannotator.core.annotation.Category;
import org.samannotator.core.annotation.ImageAnnotations;
import org.samannotator.core.annotation.ImageStatus;
import org.samannotator.core.annotation.ProjectData;
import org.samannotator.core.annotation.ProjectStore;
import org.samannotator.core.annotation.PromptSet;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;

/**
 * Damaged project indexes ({@code project.samproj.index}, the cache that spares opening a scan of the project
 * file) through {@link ProjectStore#load}: the index is ignored, the project file scanned and loaded as saved,
 * without a warning (nothing of the user's is at stake), and the next save writes a good index again.
 */
final class ProjectIndexCorpus {
    private static final Size SIZE = new Size(8, 6);

    private ProjectIndexCorpus() {
    }

    /** How a case damages the index of the saved project in {@code dir}. */
    @FunctionalInterface
    private interface Damage {
        void apply(ProjectStore store, Path dir) throws Exception;
    }

    static List<CorpusCase> cases() {
        List<CorpusCase> cases = new ArrayList<>();
        cases.add(index("missing (saved by an older version)", (store, dir) -> Files.delete(store.indexFile())));
        cases.add(index("zero bytes", (store, dir) -> Files.write(store.indexFile(), new byte[0])));
        cases.add(index("truncated to 50 %", (store, dir) -> rewrite(store, b -> Arrays.copyOf(b, b.length / 2))));
        cases.add(index("last byte missing", (store, dir) -> rewrite(store, b -> Arrays.copyOf(b, b.length - 1))));
        cases.add(index("one bit flipped in an entry", (store, dir) -> rewrite(store, b -> flip(b, b.length / 2))));
        cases.add(index("one bit flipped in its checksum", (store, dir) -> rewrite(store, b -> flip(b, b.length - 1))));
        cases.add(index("text garbage", (store, dir) -> Files.writeString(store.indexFile(), "{\"not\": \"an index\"}")));
        cases.add(index("of an earlier version of the project file (crash between the two writes)", (store, dir) -> {
            byte[] earlier = Files.readAllBytes(store.indexFile());
            store.save(project(ImageStatus.DONE));
            Files.write(store.indexFile(), earlier);
        }));
        cases.add(index("of another project", (store, dir) -> {
            Path elsewhere = Files.createDirectories(dir.resolve("other"));
            ProjectStore otherStore = new ProjectStore(elsewhere);
            otherStore.save(new ProjectData(List.of(new Category(1, "x", 0x0000ff)),
                    List.of(ImageAnnotations.empty("z.png").withStatus(ImageStatus.DONE)), Optional.empty(), 1));
            Files.copy(otherStore.indexFile(), store.indexFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }));
        cases.add(index("project file edited by hand after the save", (store, dir) -> {
            String text = Files.readString(store.projectFile());
            Files.writeString(store.projectFile(), text.replace("\"name\" : \"thing\"", "\"name\" : \"thang\""));
        }));
        cases.add(index("a folder in its place", (store, dir) -> {
            Files.delete(store.indexFile());
            Files.createDirectories(store.indexFile().resolve("inside"));
        }));
        return cases;
    }

    private static ProjectData project(ImageStatus firstStatus) {
        BitMask mask = BitMask.fromPredicate(SIZE, (x, y) -> x < 4);
        AnnotatedObject object = new AnnotatedObject(1, 1, mask, new PromptSet(List.of(), Optional.empty()),
                OptionalDouble.of(0.9), 2.5);
        List<ImageAnnotations> images = List.of(
                ImageAnnotations.empty("a.png").withSize(SIZE).withStatus(firstStatus).withObjects(List.of(object)),
                ImageAnnotations.empty("b.png").withStatus(ImageStatus.DONE));
        return new ProjectData(List.of(new Category(1, "thing", 0xff0000)), images, Optional.of("a.png"), 2);
    }

    private static void rewrite(ProjectStore store, java.util.function.UnaryOperator<byte[]> change) throws Exception {
        Files.write(store.indexFile(), change.apply(Files.readAllBytes(store.indexFile())));
    }

    private static byte[] flip(byte[] bytes, int at) {
        byte[] copy = bytes.clone();
        copy[at] ^= 0x04;
        return copy;
    }

    private static CorpusCase index(String name, Damage damage) {
        return new CorpusCase("Project index", name, "ProjectStore.load", dir -> {
            ProjectStore store = new ProjectStore(dir);
            store.save(project(ImageStatus.IN_PROGRESS));
            damage.apply(store, dir);
            byte[] file = Files.readAllBytes(store.projectFile());
            ProjectStore.LoadResult loaded = store.load();
            assertTrue(loaded.warning().isEmpty(), "an index is a cache: nothing to tell the user");
            assertArrayEquals(file, Files.readAllBytes(store.projectFile()), "the project file is not touched");
            ProjectData data = loaded.data();
            String text = new String(file, StandardCharsets.UTF_8);
            assertEquals(text.contains("\"status\":\"done\",\"width\""), data.images().get(0).status() == ImageStatus.DONE,
                    "the image's status is the project file's");
            assertEquals(BitMask.fromPredicate(SIZE, (x, y) -> x < 4), data.images().get(0).objects().get(0).mask());
            assertEquals(text.contains("thang") ? "thang" : "thing", data.categories().get(0).name());
            store.save(data);
            ProjectStore.LoadResult again = store.load();
            assertEquals(data.images().size(), again.data().images().size());
            boolean indexWritten = Files.isRegularFile(store.indexFile());
            return CorpusCase.Outcome.of("ignored; project file scanned and loaded" + (indexWritten
                    ? ", index written again at the next save" : ", next save cannot write an index (logged)"),
                    data.images().size() + " image(s), " + data.images().get(0).objectCount() + " object(s), status "
                            + data.images().get(0).status().fileName());
        });
    }
}
