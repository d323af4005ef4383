package org.samannotator.reliability.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The figures of a soak run, read from the {@link SessionDriver}'s journal: resident set, heap after a full
 * GC, live threads and open files at the start, at every sample and at the end, and the actions done.
 * {@code java ... SoakReport JOURNAL}. "The start" is the first sample taken after a tenth of the run (and
 * after the first minute): by then the model is loaded and the bounded caches (decoded masks, embeddings)
 * hold their working set, so growth from there is what a leak would show.
 */
public record SoakReport(List<String> samples, long actions, long readies, List<String> threadChanges) {

    public static SoakReport read(Path journal) throws IOException {
        List<String> lines = Journal.read(journal);
        List<String> samples = lines.stream().filter(l -> l.startsWith("stats ")).toList();
        long actions = lines.stream().filter(l -> l.startsWith("ack ")).count();
        long readies = lines.stream().filter(l -> l.startsWith("ready ")).count();
        List<String> threadChanges = lines.stream().filter(l -> l.startsWith("threads ")).toList();
        return new SoakReport(samples, actions, readies, threadChanges);
    }

    public ProcessStats first() {
        long warmUp = Math.max(60, ProcessStats.elapsedOf(samples.get(samples.size() - 1)) / 10);
        return samples.stream().filter(s -> ProcessStats.elapsedOf(s) >= warmUp).findFirst()
                .map(ProcessStats::parse).orElseGet(() -> ProcessStats.parse(samples.get(0)));
    }

    public ProcessStats last() {
        return ProcessStats.parse(samples.get(samples.size() - 1));
    }

    public long seconds() {
        return ProcessStats.elapsedOf(samples.get(samples.size() - 1));
    }

    /** Heap after GC at the end relative to the start, e.g. 0.05 for 5 % more. */
    public double heapGrowth() {
        return (double) last().heapAfterGcBytes() / first().heapAfterGcBytes() - 1;
    }

    public String table() {
        StringBuilder out = new StringBuilder(
                "| Minute | RSS (MB) | Heap after GC (MB) | Threads | Open files |\n| ---: | ---: | ---: | ---: | ---: |\n");
        for (String sample : samples) {
            ProcessStats s = ProcessStats.parse(sample);
            out.append(String.format(Locale.ROOT, "| %.1f | %d | %.1f | %d | %d |%n",
                    ProcessStats.elapsedOf(sample) / 60.0, s.rssKb() / 1024, s.heapAfterGcBytes() / 1048576.0,
                    s.threads(), s.openFiles()));
        }
        return out.toString();
    }

    public String summary() {
        ProcessStats a = first();
        ProcessStats b = last();
        return String.format(Locale.ROOT, "%d s, %d saved actions, %d image openings; heap after GC %.1f -> %.1f MB"
                + " (%+.1f %%); RSS %d -> %d MB (peak %d MB); threads %d -> %d; open files %d -> %d",
                seconds(), actions, readies, a.heapAfterGcBytes() / 1048576.0, b.heapAfterGcBytes() / 1048576.0,
                100 * heapGrowth(), a.rssKb() / 1024, b.rssKb() / 1024, b.peakRssKb() / 1024, a.threads(),
                b.threads(), a.openFiles(), b.openFiles());
    }

    public static void main(String[] args) throws IOException {
        SoakReport report = read(Path.of(args[0]));
        System.out.print(report.table());
        for (String change : report.threadChanges()) {
            // "threads SECONDS +name -name": which threads came and went between two samples
            String[] parts = change.split(" ", 3);
            System.out.printf(Locale.ROOT, "Threads at minute %.1f: %s%n", Long.parseLong(parts[1]) / 60.0, parts[2]);
        }
        System.out.println(report.summary());
    }
}
