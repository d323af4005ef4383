package org.samannotator.core.eval;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Summary of a set of timings in milliseconds. Percentiles interpolate linearly between the closest ranks
 * (NumPy's default {@code percentile}): p-th percentile at rank {@code p/100 * (n - 1)} of the sorted values.
 */
public record LatencyStats(int count, double mean, double median, double p95, double p99, double min, double max) {

    public static LatencyStats of(Collection<Double> millis) {
        return of(millis.stream().mapToDouble(Double::doubleValue).toArray());
    }

    public static LatencyStats of(double[] millis) {
        if (millis.length == 0) {
            throw new IllegalArgumentException("no timings to summarize");
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new LatencyStats(sorted.length, Arrays.stream(sorted).average().orElseThrow(),
                percentileOfSorted(sorted, 50), percentileOfSorted(sorted, 95), percentileOfSorted(sorted, 99),
                sorted[0], sorted[sorted.length - 1]);
    }

    /** The p-th percentile (0-100) of values, linear interpolation between closest ranks. */
    public static double percentile(double[] values, double p) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return percentileOfSorted(sorted, p);
    }

    private static double percentileOfSorted(double[] sorted, double p) {
        if (p < 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in 0..100, got " + p);
        }
        double rank = p / 100.0 * (sorted.length - 1);
        int lower = (int) Math.floor(rank);
        int upper = Math.min(sorted.length - 1, lower + 1);
        double fraction = rank - lower;
        return sorted[lower] + fraction * (sorted[upper] - sorted[lower]);
    }

    /** JSON-ready: count, mean, median, p95, p99, min, max. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("count", count);
        json.put("mean", mean);
        json.put("median", median);
        json.put("p95", p95);
        json.put("p99", p99);
        json.put("min", min);
        json.put("max", max);
        return json;
    }
}
