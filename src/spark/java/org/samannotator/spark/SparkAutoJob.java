package org.samannotator.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.samannotator.cli.AmgOptions;
import org.samannotator.core.auto.AmgSettings;
import org.samannotator.core.auto.AutoImagePass;
import org.samannotator.core.model.ModelDirectory;
import org.samannotator.core.model.ModelEntry;
import org.samannotator.core.model.ModelManifest;
import org.samannotator.core.model.ModelStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import scala.Tuple2;

/**
 * The automatic pass ({@code auto}) over a corpus on Apache Spark: the same generator and the same SA-1B JSON per
 * image (core's {@link AutoImagePass}), one model per executor JVM, a manifest table per run, resumable. Runs in
 * {@code local[*]} when no master is given; with {@code spark-submit} it takes the cluster's master.
 */
@Command(name = "sam-annotator-spark-job", mixinStandardHelpOptions = true,
        description = "SAM's automatic mask generator over a folder or a list of images on Apache Spark; writes one "
                + "SA-1B style JSON per image (as 'auto') and a manifest (JSON lines) per run.")
public final class SparkAutoJob implements Callable<Integer> {
    /** The manifest folder under the output folder; one {@code run=ID} folder of JSON lines per run. */
    static final String MANIFEST_DIR = "_manifest";

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    AmgOptions amgOptions;

    @Parameters(index = "0", paramLabel = "INPUT", description = "A folder of images, a text file with one path or "
            + "URI a line, or a .parquet list (any Hadoop file system: file:, hdfs:, s3a:, ...).")
    String input;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: auto-masks in the input folder).")
    String out;

    @Option(names = "--models-dir", paramLabel = "DIR", description = "Models folder readable by every executor: a shared"
            + " path or a Hadoop URI (default: as the app finds it). Files shipped with --files win.")
    String models;

    @Option(names = "--model", paramLabel = "ID", description = "Model id (default: the manifest's default model).")
    String modelId;

    @Option(names = "--threads", paramLabel = "N", description = "ONNX Runtime intra-op threads per task "
            + "(default: spark.task.cpus, i.e. 1).")
    Integer threads;

    @Option(names = "--partitions", paramLabel = "N", description = "Spark partitions (tasks) of the image list "
            + "(default: 4 per core of the cluster, at most one per image).")
    Integer partitions;

    @Option(names = "--parquet", description = "Read INPUT as Parquet even without the .parquet extension.")
    boolean parquet;

    @Option(names = "--path-column", paramLabel = "NAME", defaultValue = "path",
            description = "Column of image paths in a Parquet list (default: ${DEFAULT-VALUE}).")
    String pathColumn;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: spark-submit's, else local[*]).")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting (repeatable).")
    Map<String, String> conf = new TreeMap<>();

    public static void main(String[] args) {
        System.exit(new CommandLine(new SparkAutoJob()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        AmgSettings settings = amgOptions.toSettings();
        SparkSession spark = session();
        try {
            ModelLocation model = model(spark, stdout);
            JobOutputs outputs = new JobOutputs(outputDirectory(spark));
            outputs.prepare(spark.sparkContext().hadoopConfiguration(),
                    AutoImagePass.settingsText(model.modelId(), settings));
            JavaRDD<ImageTask> tasks = ImageList.tasks(spark, input, parquet, pathColumn);
            int parts = partitions != null ? partitions : 4 * spark.sparkContext().defaultParallelism();
            JobMetrics metrics = new JobMetrics(spark.sparkContext());
            JavaRDD<ManifestRow> rows = tasks
                    .mapToPair(task -> new Tuple2<>(AutoImagePass.outputName(task.fileName()), task))
                    .groupByKey(parts)
                    .mapPartitions(new ImagePartition(model, settings, outputs,
                            new HadoopConf(spark.sparkContext().hadoopConfiguration()), metrics));
            String runDir = outputs.directory() + "/" + MANIFEST_DIR + "/run="
                    + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'"));
            long start = System.nanoTime();
            spark.createDataFrame(rows, ManifestRow.class).select(columns())
                    .write().mode(SaveMode.ErrorIfExists).option("ignoreNullFields", "false").json(runDir);
            report(stdout, spark, runDir, (System.nanoTime() - start) / 1e9, metrics);
            return 0;
        } finally {
            spark.stop();
        }
    }

    private SparkSession session() {
        SparkSession.Builder builder = SparkSession.builder().appName("sam-annotator auto");
        if (master != null) {
            builder.master(master);
        } else if (System.getProperty("spark.master") == null) {
            builder.master("local[*]");
        }
        conf.forEach(builder::config);
        return builder.getOrCreate();
    }

    /**
     * Resolves the model id on the driver. In local mode, a local models folder gets the model fetched and verified
     * if missing (as every command does); on a cluster the executors verify the files they find.
     */
    private ModelLocation model(SparkSession spark, PrintWriter stdout) throws IOException {
        String location = qualify(spark, models != null ? models
                : ModelDirectory.locate().path().toAbsolutePath().toString());
        int taskThreads = threads != null ? threads : spark.sparkContext().conf().getInt("spark.task.cpus", 1);
        ModelManifest manifest = ExecutorModels.manifest(location, spark.sparkContext().hadoopConfiguration());
        ModelEntry entry = modelId == null ? manifest.defaultModel() : manifest.require(modelId);
        Path path = new Path(location);
        FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (spark.sparkContext().isLocal() && LocalFiles.isLocal(fs)) {
            new ModelStore(LocalFiles.toLocal(fs, path)).ensureInstalled(entry, (file, done, total) -> { });
        }
        stdout.println("model " + entry.id() + " (" + location + "), " + taskThreads + " ONNX Runtime thread(s) per task");
        return new ModelLocation(location, entry.id(), taskThreads);
    }

    private String outputDirectory(SparkSession spark) throws IOException {
        if (out != null) {
            return qualify(spark, out);
        }
        if (ImageList.isParquet(new Path(input)) || parquet) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out is required for a list of images");
        }
        Path in = new Path(qualify(spark, input));
        FileSystem fs = in.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!fs.getFileStatus(in).isDirectory()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out is required for a list of images");
        }
        return new Path(in, "auto-masks").toString();
    }

    private static String qualify(SparkSession spark, String location) throws IOException {
        Path path = new Path(location);
        return path.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(path).toString();
    }

    private static Column[] columns() {
        List<Column> columns = new ArrayList<>();
        for (String name : ManifestRow.COLUMNS) {
            columns.add(functions.col(name));
        }
        return columns.toArray(new Column[0]);
    }

    /** {@code path} with Hadoop's glob characters escaped, so a folder such as "out-local[2]" reads as itself. */
    static String literalPath(String path) {
        return path.replaceAll("([\\[\\]{}*?])", "\\\\$1");
    }

    private static void report(PrintWriter stdout, SparkSession spark, String runDir, double seconds,
            JobMetrics metrics) {
        Map<String, Long> counts = new TreeMap<>();
        try {
            for (Row row : spark.read().json(literalPath(runDir)).groupBy("status").count().collectAsList()) {
                counts.put(row.getString(0), row.getLong(1));
            }
        } catch (Exception e) { // Spark's AnalysisException is a checked exception its Scala methods do not declare
            if (e instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            // an empty list of images: every part file is empty, so there is no schema to read
        }
        stdout.printf(Locale.ROOT, "Done in %.1f s: %d written, %d up to date (skipped), %d failed; manifest %s%n",
                seconds, counts.getOrDefault(ManifestRow.DONE, 0L), counts.getOrDefault(ManifestRow.SKIPPED, 0L),
                counts.getOrDefault(ManifestRow.ERROR, 0L), runDir);
        stdout.println(metrics.summary());
        stdout.flush();
    }
}
