package org.samannotator.spark;

import java.io.Serializable;
import java.util.Locale;
import org.apache.spark.SparkContext;
import org.apache.spark.util.DoubleAccumulator;
import org.apache.spark.util.LongAccumulator;

/** What the executors report to the driver besides the manifest: model loads (count, seconds) and tasks run. */
final class JobMetrics implements Serializable {
    private static final long serialVersionUID = 1L;

    private final LongAccumulator modelLoads;
    private final DoubleAccumulator modelLoadSeconds;
    private final LongAccumulator tasks;

    JobMetrics(SparkContext context) {
        modelLoads = context.longAccumulator("model loads");
        modelLoadSeconds = context.doubleAccumulator("model load seconds");
        tasks = context.longAccumulator("tasks");
    }

    void modelLoaded(double seconds) {
        modelLoads.add(1);
        modelLoadSeconds.add(seconds);
    }

    void taskStarted() {
        tasks.add(1);
    }

    /** For the job's closing line, e.g. "8 tasks, model loaded 1 time(s), 2.41 s each on average". */
    String summary() {
        long loads = modelLoads.value();
        return String.format(Locale.ROOT, "%d tasks, model loaded %d time(s)%s", tasks.value(), loads,
                loads == 0 ? "" : String.format(Locale.ROOT, ", %.2f s each on average", modelLoadSeconds.value() / loads));
    }
}
