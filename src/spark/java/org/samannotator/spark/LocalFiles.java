package org.samannotator.spark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/** Between Hadoop paths and local files: the core reads images and model files from local files only. */
final class LocalFiles {
    private LocalFiles() {
    }

    static boolean isLocal(FileSystem fs) {
        return fs instanceof LocalFileSystem || fs instanceof RawLocalFileSystem || "file".equals(fs.getScheme());
    }

    static java.nio.file.Path toLocal(FileSystem fs, Path path) {
        return java.nio.file.Path.of(fs.makeQualified(path).toUri());
    }

    /** A local file with the content of {@code path}: the file itself when local, else a temporary copy. */
    static LocalCopy localCopy(FileSystem fs, Path path) throws IOException {
        if (isLocal(fs)) {
            return new LocalCopy(toLocal(fs, path), false);
        }
        String name = path.getName();
        int dot = name.lastIndexOf('.');
        java.nio.file.Path temp = Files.createTempFile("sam-annotator-image-", dot > 0 ? name.substring(dot) : "");
        try (InputStream in = fs.open(path)) {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return new LocalCopy(temp, true);
    }

    /** A local file, deleted on close when it is a temporary copy. */
    record LocalCopy(java.nio.file.Path file, boolean temporary) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (temporary) {
                Files.deleteIfExists(file);
            }
        }
    }
}
