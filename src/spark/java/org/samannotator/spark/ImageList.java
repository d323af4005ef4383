package org.samannotator.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.samannotator.core.image.ImageLoader;

/**
 * The run's images with their {@code image_id}s, from any Hadoop file system: a folder (its image files, not
 * recursive, sorted by name and numbered 1..n as {@code auto} numbers them), a Parquet file or folder of Parquet
 * files (a string column of paths or URIs), or a text file (one path or URI a line; blank lines and lines
 * starting with # are skipped). Relative entries of a list are resolved against the list's folder. A folder or a
 * text list is read on the driver (a million paths is ~100 MB); a Parquet list stays distributed.
 */
final class ImageList {
    private ImageList() {
    }

    /** True when {@code input} names a Parquet list by its extension. */
    static boolean isParquet(Path input) {
        return input.getName().toLowerCase(Locale.ROOT).endsWith(".parquet");
    }

    /**
     * @param parquet    read {@code input} as Parquet even without the .parquet extension (a folder of part files)
     * @param pathColumn the Parquet list's column of paths
     */
    static JavaRDD<ImageTask> tasks(SparkSession spark, String input, boolean parquet, String pathColumn)
            throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Path path = new Path(input);
        FileSystem fs = path.getFileSystem(conf);
        Path qualified = fs.makeQualified(path);
        if (parquet || isParquet(path)) {
            Dataset<Row> list = spark.read().parquet(qualified.toString()).select(pathColumn);
            String parent = qualified.getParent().toString();
            return numbered(list.javaRDD().map(row -> row.getString(0)), parent);
        }
        FileStatus status = fs.getFileStatus(qualified);
        if (status.isDirectory()) {
            List<ImageTask> images = folder(fs, qualified);
            if (images.isEmpty()) {
                throw new IOException(input + " has no image files (" + ImageLoader.supportedExtensions() + ")");
            }
            return jsc.parallelize(images, Math.max(1, Math.min(images.size(), jsc.defaultParallelism())));
        }
        String parent = qualified.getParent().toString();
        return numbered(jsc.textFile(qualified.toString()).map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")), parent);
    }

    /** The folder's supported image files sorted by name, numbered from 1. */
    static List<ImageTask> folder(FileSystem fs, Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        for (FileStatus file : fs.listStatus(dir)) {
            if (file.isFile() && ImageLoader.isSupportedImageFile(java.nio.file.Path.of(file.getPath().getName()))) {
                files.add(file.getPath());
            }
        }
        files.sort((a, b) -> a.getName().compareTo(b.getName()));
        List<ImageTask> tasks = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            tasks.add(new ImageTask(files.get(i).toString(), i + 1));
        }
        return tasks;
    }

    private static JavaRDD<ImageTask> numbered(JavaRDD<String> entries, String parent) {
        return entries.zipWithIndex().map(entry -> new ImageTask(resolve(parent, entry._1()), entry._2() + 1));
    }

    /** An entry of a list as a URI: absolute paths and URIs as they are, relative ones under the list's folder. */
    static String resolve(String parent, String entry) {
        Path path = new Path(entry);
        return path.isAbsolute() || path.toUri().getScheme() != null ? path.toString() : new Path(parent, entry).toString();
    }
}
