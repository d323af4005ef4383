package org.samannotator.core.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CocoWriterFileTest {
    @TempDir
    Path dir;

    @Test
    void writerCreatesTheFileAtomicallyWithNoTemporaryLeft() throws IOException {
        Path target = dir.resolve("fresh.json");
        CocoWriter.write(target, CocoRoundTripTest.sampleDataset());
        assertEquals(CocoWriter.toJson(CocoRoundTripTest.sampleDataset()), Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }
}
