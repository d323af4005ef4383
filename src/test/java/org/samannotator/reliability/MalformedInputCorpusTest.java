package org.samannotator.reliability;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The malformed-input corpus: every case is generated here (no input files are committed) and run through
 * the real entry points (ImageLoader, ProjectStore, CocoReader, ModelManifest/ModelStore/SamPredictor,
 * EmbeddingCache, the {@code segment} and {@code eval} commands). Each ends in a clear message or a sound
 * result, within a hang guard, and loses nothing already saved. The table of all cases and outcomes is
 * written to {@code target/reliability/malformed-inputs.md} (copied into src/site/markdown/reliability.md).
 *
 * <p>Run: {@code mvn -o test -Dtest=MalformedInputCorpusTest}
 */
class MalformedInputCorpusTest {
    /** A hang guard, not a speed requirement: every case takes milliseconds when it works. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);
    private static final CorpusReport REPORT = new CorpusReport();
    private static final AtomicInteger NEXT_DIR = new AtomicInteger();

    @TempDir
    static Path root;

    static List<CorpusCase> allCases() {
        List<CorpusCase> cases = new ArrayList<>();
        cases.addAll(ImageCorpus.cases());
        cases.addAll(ImageEdgeCorpus.cases());
        cases.addAll(ProjectFileCorpus.cases());
        cases.addAll(ProjectIndexCorpus.cases());
        cases.addAll(CocoCorpus.cases());
        cases.addAll(ModelCorpus.cases());
        cases.addAll(CacheAndCliCorpus.cases());
        cases.addAll(YoloCorpus.cases());
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> corpus() {
        List<CorpusCase> cases = allCases();
        assertTrue(cases.size() >= 200, "the corpus has at least 200 cases, got " + cases.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.family() + ": " + c.name() + " [" + c.entryPoint()
                + "]", () -> run(c)));
    }

    private static void run(CorpusCase testCase) throws Throwable {
        Path dir = Files.createDirectories(root.resolve("case-" + NEXT_DIR.incrementAndGet()));
        try {
            CorpusCase.Outcome outcome = assertTimeoutPreemptively(HANG_GUARD, () -> testCase.check().run(dir));
            REPORT.add(testCase, outcome);
        } catch (Throwable failure) {
            REPORT.addFailure(testCase, failure);
            throw failure;
        }
    }

    @AfterAll
    static void writeReport() throws Exception {
        REPORT.write(PendingCases.rows());
    }
}
