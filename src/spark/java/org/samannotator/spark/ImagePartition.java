package org.samannotator.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.samannotator.core.auto.AmgSettings;
import org.samannotator.core.auto.AutoImagePass;
import org.samannotator.core.auto.CachedEmbeddings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * The executor side: the images of one partition, grouped by output name, each run through core's
 * {@link AutoImagePass} (the very code of {@code auto}) on the JVM's shared model. Every image yields one
 * manifest row; an image that cannot be read, generated or written becomes an {@code error} row and the task
 * goes on. Two images with the same output name (a.png, a.jpg): the first in the list is processed, the others
 * are errors, as in {@code auto}.
 */
final class ImagePartition implements FlatMapFunction<Iterator<Tuple2<String, Iterable<ImageTask>>>, ManifestRow> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ImagePartition.class);

    private final ModelLocation model;
    private final AmgSettings settings;
    private final JobOutputs outputs;
    private final HadoopConf conf;
    private final JobMetrics metrics;

    ImagePartition(ModelLocation model, AmgSettings settings, JobOutputs outputs, HadoopConf conf, JobMetrics metrics) {
        this.model = model;
        this.settings = settings;
        this.outputs = outputs;
        this.conf = conf;
        this.metrics = metrics;
    }

    @Override
    public Iterator<ManifestRow> call(Iterator<Tuple2<String, Iterable<ImageTask>>> groups) throws IOException {
        Configuration hadoop = conf.get();
        ExecutorModels.Loaded loaded = ExecutorModels.get(model, hadoop);
        if (loaded.reported().compareAndSet(false, true)) {
            metrics.modelLoaded(loaded.loadSeconds());
        }
        metrics.taskStarted();
        AutoImagePass pass = new AutoImagePass(loaded.predictor(), settings, new CachedEmbeddings(loaded.predictor(), null));
        FileSystem outFs = new Path(outputs.directory()).getFileSystem(hadoop);
        List<ManifestRow> rows = new ArrayList<>();
        while (groups.hasNext()) {
            List<ImageTask> sameName = new ArrayList<>();
            groups.next()._2().forEach(sameName::add);
            sameName.sort(Comparator.comparingLong(ImageTask::imageId));
            rows.add(process(pass, outFs, hadoop, sameName.get(0)));
            for (ImageTask duplicate : sameName.subList(1, sameName.size())) {
                rows.add(ManifestRow.failed(duplicate.uri(), 0, "another image (" + sameName.get(0).uri()
                        + ") has the same name, so the same output file; rename one"));
            }
        }
        return rows.iterator();
    }

    private ManifestRow process(AutoImagePass pass, FileSystem outFs, Configuration hadoop, ImageTask task) {
        long start = System.nanoTime();
        Path output = outputs.outputFor(task);
        try {
            Path image = new Path(task.uri());
            FileSystem imageFs = image.getFileSystem(hadoop);
            FileStatus status = imageFs.getFileStatus(image);
            Optional<JobOutputs.Existing> existing = outputs.upToDate(outFs, output, status.getModificationTime());
            if (existing.isPresent()) {
                JobOutputs.Existing done = existing.get();
                return ManifestRow.of(task.uri(), done.width(), done.height(), done.masks(), seconds(start),
                        ManifestRow.SKIPPED);
            }
            AutoImagePass.Sa1bImage result;
            try (LocalFiles.LocalCopy local = LocalFiles.localCopy(imageFs, image)) {
                result = pass.generate(local.file(), task.fileName(), task.imageId(), (done, total) -> { },
                        () -> false);
            }
            JobOutputs.write(outFs, output, result.toJsonBytes());
            int masks = result.result().masks().size();
            LOG.info("{}: {} masks -> {} ({} s)", task.uri(), masks, output,
                    String.format(Locale.ROOT, "%.2f", seconds(start)));
            return ManifestRow.of(task.uri(), result.info().width(), result.info().height(), masks, seconds(start),
                    ManifestRow.DONE);
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: failed, recorded in the manifest: {}", task.uri(), e.toString());
            LOG.debug("failure of " + task.uri(), e);
            return ManifestRow.failed(task.uri(), seconds(start), String.valueOf(e.getMessage()).replaceAll("\\R", " "));
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
