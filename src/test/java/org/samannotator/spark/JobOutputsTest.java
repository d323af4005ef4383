package org.samannotator.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.auto.AmgSettings;
import org.samannotator.core.auto.AutoImagePass;
import org.samannotator.core.auto.Sa1bJson;

/** The job's output folder rules on the local Hadoop file system (no Spark, no model). */
class JobOutputsTest {
    private static final String IMAGE_URI = "file:/data/cat.png";

    @TempDir
    Path dir;

    private final Configuration conf = new Configuration();

    @Test
    void prepareRemovesLeftoversAndRewritesTheSettingsOnlyWhenTheyChange() throws IOException {
        Files.writeString(dir.resolve(".cat.json.1234.tmp"), "left by a killed run");
        JobOutputs outputs = new JobOutputs(dir.toUri().toString());
        String settings = AutoImagePass.settingsText("m", AmgSettings.defaults());
        outputs.prepare(conf, settings);
        assertFalse(Files.exists(dir.resolve(".cat.json.1234.tmp")));
        Path file = dir.resolve(AutoImagePass.SETTINGS_FILE);
        assertEquals(settings + "\n", Files.readString(file));
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000));
        outputs.prepare(conf, settings);
        assertEquals(1_000_000, Files.getLastModifiedTime(file).toMillis(), "unchanged settings: file untouched");
        outputs.prepare(conf, AutoImagePass.settingsText("m", AmgSettings.defaults().withPointsPerSide(8)));
        assertTrue(Files.getLastModifiedTime(file).toMillis() > 1_000_000);
    }

    @Test
    void anOutputIsUpToDateWhenCompleteAndNewerThanImageAndSettings() throws IOException {
        JobOutputs outputs = new JobOutputs(dir.toUri().toString());
        outputs.prepare(conf, "model m");
        Files.setLastModifiedTime(dir.resolve(AutoImagePass.SETTINGS_FILE), FileTime.fromMillis(2_000_000));
        outputs.prepare(conf, "model m");
        ImageTask task = new ImageTask(IMAGE_URI, 1);
        org.apache.hadoop.fs.Path output = outputs.outputFor(task);
        assertEquals("cat.json", output.getName());
        FileSystem fs = output.getFileSystem(conf);
        assertTrue(outputs.upToDate(fs, output, 0).isEmpty(), "missing");

        JobOutputs.write(fs, output, Sa1bJson.toBytes(new Sa1bJson.ImageInfo(1, 40, 30, "cat.png"), List.of()));
        Path local = dir.resolve("cat.json");
        Files.setLastModifiedTime(local, FileTime.fromMillis(3_000_000));
        JobOutputs.Existing existing = outputs.upToDate(fs, output, 2_500_000).orElseThrow();
        assertEquals(new JobOutputs.Existing(40, 30, 0), existing);
        assertTrue(outputs.upToDate(fs, output, 3_000_000).isEmpty(), "image changed after the output");
        Files.setLastModifiedTime(local, FileTime.fromMillis(1_500_000));
        assertTrue(outputs.upToDate(fs, output, 0).isEmpty(), "older than the settings");

        Files.write(local, "{\"image\":{\"width\":40}".getBytes(StandardCharsets.UTF_8));
        Files.setLastModifiedTime(local, FileTime.fromMillis(3_000_000));
        assertTrue(outputs.upToDate(fs, output, 0).isEmpty(), "truncated");
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void foldersAreNumberedByNameAndListEntriesResolveAgainstTheListsFolder() throws IOException {
        for (String name : List.of("b.png", "a.jpg", "notes.txt", "c.tif")) {
            Files.writeString(dir.resolve(name), "x");
        }
        Files.createDirectories(dir.resolve("sub.png"));
        org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(dir.toUri());
        List<ImageTask> tasks = ImageList.folder(folder.getFileSystem(conf), folder);
        assertEquals(List.of("a.jpg", "b.png", "c.tif"), tasks.stream().map(ImageTask::fileName).toList());
        assertEquals(List.of(1L, 2L, 3L), tasks.stream().map(ImageTask::imageId).toList());
        assertEquals("hdfs://nn/lists/img/x.png", ImageList.resolve("hdfs://nn/lists", "img/x.png"));
        assertEquals("s3a://bucket/x.png", ImageList.resolve("hdfs://nn/lists", "s3a://bucket/x.png"));
        assertEquals("/abs/x.png", ImageList.resolve("hdfs://nn/lists", "/abs/x.png"));
    }
}
