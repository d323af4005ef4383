package org.samannotator.spark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.samannotator.core.auto.AutoImagePass;
import org.samannotator.core.auto.Sa1bJson;
import org.samannotator.core.io.AtomicFiles;

/**
 * The job's output folder on any Hadoop file system, laid out as {@code auto}'s: {@code NAME.json} per image and
 * {@code .auto-settings}. Same rule for "done": an output is up to date when it is a complete SA-1B JSON newer
 * than its image and than the settings file (which is rewritten only when model or settings change). Writes are
 * atomic: on the local file system through {@link AtomicFiles} (as {@code auto}), elsewhere a temporary
 * {@code .NAME.json.UUID.tmp} beside the target, then a rename (HDFS renames atomically; on S3 the object
 * appears whole at the end of its upload either way).
 */
final class JobOutputs implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String directory;
    private long settingsModified;

    /** An existing up-to-date output: the size and mask count read from it. */
    record Existing(int width, int height, int masks) {
    }

    JobOutputs(String directory) {
        this.directory = directory;
    }

    String directory() {
        return directory;
    }

    /**
     * Driver side, before the job: creates the folder, deletes temporary files left by a killed run and
     * records the settings (rewritten only when they differ, so its time says since when they hold).
     */
    void prepare(Configuration conf, String settingsText) throws IOException {
        Path dir = new Path(directory);
        FileSystem fs = dir.getFileSystem(conf);
        fs.mkdirs(dir);
        for (FileStatus file : fs.listStatus(dir)) {
            if (file.isFile() && AtomicFiles.isTemporaryFileName(file.getPath().getName())) {
                fs.delete(file.getPath(), false);
            }
        }
        Path settings = new Path(dir, AutoImagePass.SETTINGS_FILE);
        byte[] bytes = (settingsText + "\n").getBytes(StandardCharsets.UTF_8);
        if (!fs.exists(settings) || !Arrays.equals(readAll(fs, settings), bytes)) {
            write(fs, settings, bytes);
        }
        settingsModified = fs.getFileStatus(settings).getModificationTime();
    }

    Path outputFor(ImageTask task) {
        return new Path(new Path(directory), AutoImagePass.outputName(task.fileName()));
    }

    /** The output when it is up to date (complete, newer than the image and the settings), else empty. */
    Optional<Existing> upToDate(FileSystem outFs, Path output, long imageModified) {
        try {
            FileStatus status = outFs.getFileStatus(output);
            if (!status.isFile() || status.getModificationTime() <= imageModified
                    || status.getModificationTime() <= settingsModified) {
                return Optional.empty();
            }
            JsonNode root = Sa1bJson.read(readAll(outFs, output), output.toString());
            JsonNode image = root.get("image");
            return Optional.of(new Existing(image.path("width").asInt(), image.path("height").asInt(),
                    root.get("annotations").size()));
        } catch (FileNotFoundException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable or incomplete: done again
        }
    }

    /** Writes an output atomically. */
    static void write(FileSystem fs, Path target, byte[] bytes) throws IOException {
        if (LocalFiles.isLocal(fs)) {
            AtomicFiles.writeBytes(LocalFiles.toLocal(fs, target), bytes);
            return;
        }
        Path temp = new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
        boolean renamed = false;
        try {
            try (OutputStream out = fs.create(temp, true)) {
                out.write(bytes);
            }
            if (fs.exists(target)) {
                fs.delete(target, false); // a stale output (older settings); Hadoop's rename never replaces
            }
            renamed = fs.rename(temp, target);
            if (!renamed) {
                throw new IOException("cannot rename " + temp + " to " + target);
            }
        } finally {
            if (!renamed) {
                fs.delete(temp, false);
            }
        }
    }

    static byte[] readAll(FileSystem fs, Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toByteArray();
        }
    }
}
