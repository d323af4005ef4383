package org.samannotator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.annotation.AnnotationProject;
import org.samannotator.core.annotation.FolderLock;
import org.samannotator.core.annotation.ProjectStore;
import org.samannotator.core.formats.FormatsFixture;
import picocli.CommandLine;

/** {@code export} and {@code import} end to end on a saved project of generated images. */
class FormatCommandsTest {
    @TempDir
    Path annotated;
    @TempDir
    Path fresh;
    @TempDir
    Path exports;

    @Test
    void everyFormatExportsAndImportsIntoAnotherFolderThenMergesWithoutDuplicates() throws IOException {
        FormatsFixture fixture = new FormatsFixture(annotated);
        new ProjectStore(annotated).save(fixture.project.snapshot());
        for (String format : List.of("coco", "yolo-seg", "voc", "labelme")) {
            Path out = exports.resolve(format.equals("coco") ? "coco.json" : format);
            StringWriter output = new StringWriter();
            assertEquals(0, run(output, "export", "--format", format, annotated.toString(), "--out", out.toString()),
                    output.toString());
            assertTrue(output.toString().contains("Exported 4 object(s) of 3 image(s)"), output.toString());

            Path target = fresh.resolve(format);
            Files.createDirectories(target);
            for (String image : fixture.images()) {
                Files.copy(annotated.resolve(image), target.resolve(image));
            }
            output = new StringWriter();
            assertEquals(0, run(output, "import", "--format", format, target.toString(), "--from", out.toString()),
                    output.toString());
            assertTrue(output.toString().contains("Imported 4 object(s) into 2 image(s), 2 new categories"),
                    format + ": " + output);
            AnnotationProject saved = new AnnotationProject(new ProjectStore(target).load().data());
            assertEquals(List.of("cat", "cat", "dog"), FormatsFixture.categoryNames(saved, "a.png"));

            output = new StringWriter();
            assertEquals(0, run(output, "import", "--format", format, target.toString(), "--from", out.toString()));
            assertTrue(output.toString().contains("Imported 0 object(s) into 0 image(s), 0 new categories, "
                    + "4 duplicate(s) skipped"), format + ": " + output);
        }
    }

    @Test
    void importIsRefusedWhileTheFolderIsOpenAndNothingChanges() throws IOException {
        FormatsFixture fixture = new FormatsFixture(annotated);
        new ProjectStore(annotated).save(fixture.project.snapshot());
        Path out = exports.resolve("coco.json");
        assertEquals(0, run(new StringWriter(), "export", "--format", "coco", annotated.toString(), "--out",
                out.toString()));
        byte[] before = Files.readAllBytes(new ProjectStore(annotated).projectFile());

        StringWriter output = new StringWriter();
        try (FolderLock lock = FolderLock.acquire(annotated)) {
            assertEquals(1, run(output, "import", "--format", "coco", annotated.toString(), "--from", out.toString()));
        }

        assertTrue(output.toString().contains("open in another SAM Annotator window"), output.toString());
        assertEquals(new String(before), new String(Files.readAllBytes(new ProjectStore(annotated).projectFile())));
    }

    @Test
    void badArgumentsAndMalformedFilesGiveOneClearLine() throws IOException {
        new FormatsFixture(annotated);
        StringWriter output = new StringWriter();
        assertEquals(2, run(output, "export", "--format", "tiff", annotated.toString()));
        assertTrue(output.toString().contains("use one of coco, yolo-seg, voc, labelme"), output.toString());

        output = new StringWriter();
        assertEquals(1, run(output, "export", "--format", "voc", annotated.toString(), "--out", "x"));
        assertTrue(output.toString().contains("has no SAM Annotator project"), output.toString());

        Files.createDirectories(exports.resolve("labels"));
        Files.writeString(exports.resolve("data.yaml"), "names: [a]\n");
        Files.writeString(exports.resolve("labels/b.txt"), "0 0.1 0.2 0.3\n");
        output = new StringWriter();
        assertEquals(1, run(output, "import", "--format", "yolo-seg", annotated.toString(), "--from",
                exports.toString()));
        assertTrue(output.toString().contains("b.txt, line 1: expected the class and at least 3 x y pairs"),
                output.toString());
    }

    private static int run(StringWriter output, String... args) {
        CommandLine commandLine = new CommandLine(new RootCommand());
        commandLine.setOut(new PrintWriter(output));
        commandLine.setErr(new PrintWriter(output));
        return commandLine.execute(args);
    }
}
