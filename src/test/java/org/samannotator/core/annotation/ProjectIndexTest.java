package org.samannotator.core.annotation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;

/**
 * The project index: written after each save, it lets opening build the images without scanning the project
 * file, with the same result as the scan; an index that is missing, damaged, outdated or does not fit the file
 * is ignored and the file scanned.
 */
class ProjectIndexTest {
    private static final Size SIZE = new Size(40, 30);
    private static final ImageEntryText.OriginalKeeper NO_COPY = () -> new ImageEntryText.Kept(false, "not kept");

    @TempDir
    Path folder;
    @TempDir
    Path other;

    private static AnnotatedObject object(long id, int category, int cx) {
        BitMask mask = BitMask.fromPredicate(SIZE, (x, y) -> Math.abs(x - cx) < 4 && Math.abs(y - 15) < 2 + id);
        return new AnnotatedObject(id, category, mask, new PromptSet(List.of(), Optional.empty()), OptionalDouble.of(0.8), 2);
    }

    /** Images with objects of two categories, one with suggestions, one with a status only and no size. */
    private static ProjectData sample(ImageStatus firstStatus) {
        List<ImageAnnotations> images = new ArrayList<>();
        images.add(ImageAnnotations.empty("a.png").withSize(SIZE).withStatus(firstStatus)
                .withObjects(List.of(object(1, 1, 8), object(2, 2, 25), object(3, 2, 30))));
        images.add(ImageAnnotations.empty("b.png").withSize(SIZE).withStatus(ImageStatus.IN_PROGRESS)
                .withObjects(List.of(object(4, 1, 10)))
                .withSuggestions(List.of(Suggestion.generated(BitMask.fromPredicate(SIZE, (x, y) -> x < 5),
                        new ImagePoint(2, 2), 0.9, 0.95).withId(5))));
        images.add(ImageAnnotations.empty("c é.png").withStatus(ImageStatus.DONE));
        List<Category> categories = List.of(new Category(1, "thing", 0xff0000), new Category(2, "other", 0x00ff00));
        return new ProjectData(categories, images, Optional.of("b.png"), 9);
    }

    private ProjectStore saved(Path dir, ProjectData data) {
        ProjectStore store = new ProjectStore(dir);
        store.save(data);
        return store;
    }

    private static ProjectFileStreams.Parsed parse(byte[] file, Optional<ProjectIndex.Contents> index) throws Exception {
        return new ProjectFileStreams(new ObjectMapper()).read(file, NO_COPY, index);
    }

    @Test
    void openingWithTheIndexGivesWhatTheScanGives() throws Exception {
        ProjectStore store = saved(folder, sample(ImageStatus.IN_PROGRESS));
        byte[] file = Files.readAllBytes(store.projectFile());
        Optional<ProjectIndex.Contents> index = ProjectIndex.readFor(store.indexFile(), file);
        assertTrue(index.isPresent(), "a save writes the index of what it wrote");

        ProjectFileStreams.Parsed indexed = parse(file, index);
        ProjectFileStreams.Parsed scanned = parse(file, Optional.empty());
        assertTrue(indexed.fromIndex());
        assertFalse(scanned.fromIndex());
        assertEquals(scanned.header(), indexed.header());
        assertEquals(scanned.images().size(), indexed.images().size());
        for (int i = 0; i < scanned.images().size(); i++) {
            assertSameImage(scanned.images().get(i), indexed.images().get(i));
        }
    }

    private static void assertSameImage(ImageAnnotations expected, ImageAnnotations actual) {
        assertEquals(expected.fileName(), actual.fileName());
        assertEquals(expected.status(), actual.status());
        assertEquals(expected.size(), actual.size());
        assertSameKeys(((EntryList<?>) expected.objects()).unreadKeys().orElseThrow(),
                ((EntryList<?>) actual.objects()).unreadKeys().orElseThrow());
        assertSameKeys(((EntryList<?>) expected.suggestions()).unreadKeys().orElseThrow(),
                ((EntryList<?>) actual.suggestions()).unreadKeys().orElseThrow());
        assertEquals(expected.objects().stream().map(o -> o.storedMask().rle()).toList(),
                actual.objects().stream().map(o -> o.storedMask().rle()).toList());
        assertEquals(expected.suggestions(), actual.suggestions());
    }

    private static void assertSameKeys(EntryKeys expected, EntryKeys actual) {
        assertEquals(expected.count(), actual.count());
        assertEquals(expected.complete(), actual.complete());
        assertArrayEquals(expected.ids(), actual.ids());
        assertArrayEquals(expected.categoryIds(), actual.categoryIds());
        assertArrayEquals(expected.widths(), actual.widths());
        assertArrayEquals(expected.heights(), actual.heights());
    }

    @Test
    void aProjectOpenedWithItsIndexIsSavedAsWhenScanned() throws Exception {
        ProjectStore store = saved(folder, sample(ImageStatus.IN_PROGRESS));
        Files.createDirectories(other.resolve(ProjectStore.DIRECTORY));
        Files.copy(store.projectFile(), new ProjectStore(other).projectFile()); // no index there: scanned
        for (ProjectStore each : List.of(store, new ProjectStore(other))) {
            AnnotationProject project = new AnnotationProject(each.load().data());
            project.setStatus("b.png", ImageStatus.DONE);
            each.save(project.snapshot());
        }
        ProjectStore scannedStore = new ProjectStore(other);
        assertArrayEquals(Files.readAllBytes(scannedStore.projectFile()), Files.readAllBytes(store.projectFile()));
        assertArrayEquals(Files.readAllBytes(scannedStore.indexFile()), Files.readAllBytes(store.indexFile()));
        assertEquals(ImageStatus.DONE, store.load().data().images().get(1).status());
    }

    @Test
    void anIndexOfAnEarlierVersionOfTheFileIsIgnored() throws Exception {
        ProjectStore store = saved(folder, sample(ImageStatus.IN_PROGRESS));
        byte[] earlier = Files.readAllBytes(store.indexFile());
        store.save(sample(ImageStatus.DONE));
        Files.write(store.indexFile(), earlier); // as after a crash between the project file and its index
        assertTrue(ProjectIndex.readFor(store.indexFile(), Files.readAllBytes(store.projectFile())).isEmpty());
        ProjectStore.LoadResult loaded = store.load();
        assertTrue(loaded.warning().isEmpty());
        assertEquals(ImageStatus.DONE, loaded.data().images().get(0).status());
    }

    @Test
    void aHandEditedProjectFileWinsOverItsIndex() throws Exception {
        ProjectStore store = saved(folder, sample(ImageStatus.IN_PROGRESS));
        String text = Files.readString(store.projectFile());
        Files.writeString(store.projectFile(), text.replace("\"file\":\"a.png\",\"status\":\"in_progress\"",
                "\"file\":\"a.png\",\"status\":\"not_started\""));
        assertTrue(!text.equals(Files.readString(store.projectFile())), "the edit changed the file");
        ProjectStore.LoadResult loaded = store.load();
        assertTrue(loaded.warning().isEmpty());
        assertEquals(ImageStatus.NOT_STARTED, loaded.data().images().get(0).status());
    }

    static Stream<Arguments> damagedIndexes() {
        return Stream.of(
                Arguments.of("empty", (UnaryOperator<byte[]>) b -> new byte[0]),
                Arguments.of("truncated to half", (UnaryOperator<byte[]>) b -> java.util.Arrays.copyOf(b, b.length / 2)),
                Arguments.of("last byte missing", (UnaryOperator<byte[]>) b -> java.util.Arrays.copyOf(b, b.length - 1)),
                Arguments.of("one byte more", (UnaryOperator<byte[]>) b -> java.util.Arrays.copyOf(b, b.length + 1)),
                Arguments.of("a bit flipped in the first entry", flipped(40)),
                Arguments.of("a bit flipped in the middle", flipped(-2)),
                Arguments.of("a bit flipped in its checksum", flipped(-1)),
                Arguments.of("garbage", (UnaryOperator<byte[]>) b -> "not an index at all".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("another version", (UnaryOperator<byte[]>) b -> {
                    byte[] copy = b.clone();
                    copy[11] = 99; // the version field, checksum left wrong as well
                    return copy;
                }));
    }

    /** Flips one bit at {@code at} (-1: the last byte, -2: the middle). */
    private static UnaryOperator<byte[]> flipped(int at) {
        return b -> {
            byte[] copy = b.clone();
            int i = at == -1 ? b.length - 1 : at == -2 ? b.length / 2 : at;
            copy[i] ^= 0x10;
            return copy;
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedIndexes")
    void aDamagedIndexIsIgnoredAndTheFileScanned(String name, UnaryOperator<byte[]> damage) throws Exception {
        ProjectStore store = saved(folder, sample(ImageStatus.IN_PROGRESS));
        byte[] project = Files.readAllBytes(store.projectFile());
        Files.write(store.indexFile(), damage.apply(Files.readAllBytes(store.indexFile())));
        assertTrue(ProjectIndex.readFor(store.indexFile(), project).isEmpty(), name);
        ProjectStore.LoadResult loaded = store.load();
        assertTrue(loaded.warning().isEmpty(), name);
        ProjectFileStreams.Parsed reference = parse(project, Optional.empty());
        for (int i = 0; i < reference.images().size(); i++) {
            assertEquals(reference.images().get(i).fileName(), loaded.data().images().get(i).fileName());
            assertEquals(reference.images().get(i).objects(), loaded.data().images().get(i).objects());
        }
        assertArrayEquals(project, Files.readAllBytes(store.projectFile()), "the project file is not touched");
    }

    @Test
    void anIndexWhoseEntriesDoNotFitTheFileIsIgnored() throws Exception {
        ProjectStore store = saved(folder, sample(ImageStatus.IN_PROGRESS));
        byte[] project = Files.readAllBytes(store.projectFile());
        ProjectIndex.Contents index = ProjectIndex.readFor(store.indexFile(), project).orElseThrow();
        List<ProjectIndex.Entry> shifted = index.entries().stream()
                .map(e -> new ProjectIndex.Entry(e.offset() + 1, e.length(), e.summary())).toList();
        List<ProjectIndex.Entry> swapped = List.of(index.entries().get(1), index.entries().get(0), index.entries().get(2));
        for (List<ProjectIndex.Entry> entries : List.of(shifted, swapped)) {
            ProjectIndex.write(store.indexFile(), new ProjectIndex.Contents(index.projectLength(), index.projectCrc(),
                    index.imagesOffset(), true, entries));
            ProjectIndex.Contents wrong = ProjectIndex.readFor(store.indexFile(), project).orElseThrow();
            ProjectFileStreams.Parsed parsed = parse(project, Optional.of(wrong));
            assertFalse(parsed.fromIndex(), "entries that do not fit the file: scanned instead");
            assertEquals(List.of("a.png", "b.png", "c é.png"), parsed.images().stream().map(ImageAnnotations::fileName).toList());
        }
        ProjectIndex.write(store.indexFile(), new ProjectIndex.Contents(index.projectLength(), index.projectCrc(),
                index.imagesOffset() + 1, true, index.entries()));
        assertFalse(parse(project, ProjectIndex.readFor(store.indexFile(), project)).fromIndex());
    }

    /** Two images whose objects share id 4: the checks give the second a new id when the project is opened. */
    private static ProjectData withADuplicateId() {
        ProjectData data = sample(ImageStatus.IN_PROGRESS);
        List<ImageAnnotations> images = new ArrayList<>(data.images());
        images.set(0, images.get(0).withObjects(List.of(object(1, 1, 8), object(4, 2, 25))));
        return new ProjectData(data.categories(), images, data.currentImage(), data.nextObjectId());
    }

    @Test
    void theChecksRunWhenSavingAndOpeningTrustsTheirResult() throws Exception {
        ProjectStore store = saved(folder, sample(ImageStatus.IN_PROGRESS));
        byte[] file = Files.readAllBytes(store.projectFile());
        assertTrue(ProjectIndex.readFor(store.indexFile(), file).orElseThrow().consistent());
        assertTrue(parse(file, ProjectIndex.readFor(store.indexFile(), file)).consistent());

        store.save(withADuplicateId());
        file = Files.readAllBytes(store.projectFile());
        ProjectIndex.Contents index = ProjectIndex.readFor(store.indexFile(), file).orElseThrow();
        assertFalse(index.consistent(), "the saved data needs a repair: opening must run the checks");
        ProjectStore.LoadResult loaded = store.load();
        assertTrue(loaded.warning().orElseThrow().contains("got the new id 9"), loaded.warning().toString());

        store.save(withADuplicateId());
        index = ProjectIndex.readFor(store.indexFile(), Files.readAllBytes(store.projectFile())).orElseThrow();
        ProjectIndex.write(store.indexFile(), new ProjectIndex.Contents(index.projectLength(), index.projectCrc(),
                index.imagesOffset(), true, index.entries()));
        assertTrue(store.load().warning().isEmpty(), "an index that says consistent spares opening the checks");
    }

    @Test
    void anIndexThatCannotBeWrittenCostsOnlyTheScan() throws Exception {
        ProjectStore store = new ProjectStore(folder);
        Files.createDirectories(store.indexFile().resolve("in the way")); // a non-empty folder where the index goes
        store.save(sample(ImageStatus.IN_PROGRESS));
        ProjectStore.LoadResult loaded = store.load();
        assertTrue(loaded.warning().isEmpty());
        assertEquals(3, loaded.data().images().size());
        assertEquals(3, loaded.data().images().get(0).objectCount());
    }

    @Test
    void aDamagedEntryIsFoundWhenReadAlsoWhenOpenedWithTheIndex() throws Exception {
        ProjectStore store = saved(folder, sample(ImageStatus.IN_PROGRESS));
        String rle = sample(ImageStatus.IN_PROGRESS).images().get(1).objects().get(0).storedMask().rle();
        String text = Files.readString(store.projectFile());
        Files.writeString(store.projectFile(), text.replace("\"" + rle + "\"", "\"" + rle + "7\""));
        // opened (scanned: the file was edited), changed elsewhere and saved: the damaged entry is copied unread
        AnnotationProject project = new AnnotationProject(store.load().data());
        project.setStatus("c é.png", ImageStatus.NOT_STARTED);
        store.save(project.snapshot());
        byte[] file = Files.readAllBytes(store.projectFile());
        assertTrue(parse(file, ProjectIndex.readFor(store.indexFile(), file)).fromIndex());

        ProjectStore.LoadResult loaded = store.load();
        assertTrue(loaded.warning().isEmpty(), "found when the image is read, not at opening");
        ImageAnnotations damaged = loaded.data().images().get(1);
        assertEquals(1, damaged.objectCount());
        assertTrue(damaged.readProblem().orElseThrow().contains("b.png"));
        assertEquals(0, damaged.objects().size(), "the damaged object is left out");
        try (Stream<Path> files = Files.list(store.projectFile().getParent())) {
            assertEquals(1, files.filter(f -> f.getFileName().toString().contains(".before-repair-")).count(),
                    "the original is copied aside before anything is left out");
        }
    }

    @Test
    void everySummaryValueSurvivesTheIndex() {
        EntryKeys objects = new EntryKeys(3, new long[] {7, Long.MAX_VALUE, -2}, new int[] {1, 1, 5},
                new int[] {40, 40, 40}, new int[] {30, 29, 30}, true);
        EntryKeys incomplete = new EntryKeys(2, new long[] {4, 0}, null, null, null, false);
        List<EntrySummary> summaries = List.of(
                new EntrySummary("a.png", "done", 40, 30, objects, EntryKeys.NONE),
                new EntrySummary(null, null, null, null, incomplete, incomplete),
                new EntrySummary("ü/b.png", "in_progress", 0, null, EntryKeys.NONE, objects));
        List<ProjectIndex.Entry> entries = new ArrayList<>();
        for (int i = 0; i < summaries.size(); i++) {
            entries.add(new ProjectIndex.Entry(100 * i + 50, 20, summaries.get(i)));
        }
        Path file = folder.resolve("project.samproj.index");
        ProjectIndex.Contents written = new ProjectIndex.Contents(12345, 0xcafe, 42, true, entries);
        try {
            ProjectIndex.write(file, written);
            ProjectIndex.Contents read = ProjectIndex.decode(Files.readAllBytes(file)).orElseThrow();
            assertEquals(List.of(12345L, 0xcafe, 42L, true),
                    List.of(read.projectLength(), read.projectCrc(), read.imagesOffset(), read.consistent()));
            for (int i = 0; i < entries.size(); i++) {
                EntrySummary expected = summaries.get(i);
                EntrySummary actual = read.entries().get(i).summary();
                assertEquals(List.of(100 * i + 50, 20), List.of(read.entries().get(i).offset(), read.entries().get(i).length()));
                assertEquals(java.util.Arrays.asList(expected.fileName(), expected.status(), expected.width(), expected.height()),
                        java.util.Arrays.asList(actual.fileName(), actual.status(), actual.width(), actual.height()));
                assertSameKeys(expected.objects(), actual.objects());
                assertSameKeys(expected.suggestions(), actual.suggestions());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
