package org.samannotator.reliability.session;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Memory and resource figures of this JVM: resident set (VmRSS and its peak VmHWM from /proc/self/status),
 * heap used after a full GC (MemoryMXBean), live threads, open file descriptors (/proc/self/fd).
 */
public record ProcessStats(long rssKb, long peakRssKb, long heapAfterGcBytes, int threads, int openFiles) {

    public static ProcessStats now(boolean gcFirst) {
        long heap;
        if (gcFirst) {
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
        }
        heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new ProcessStats(statusKb("VmRSS:"), statusKb("VmHWM:"), heap,
                ManagementFactory.getThreadMXBean().getThreadCount(), countOpenFiles());
    }

    private static long statusKb(String key) {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> Long.parseLong(l.substring(key.length()).trim().split("\\s+")[0])).orElse(-1L);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static int countOpenFiles() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fds.count();
        } catch (IOException e) {
            return -1;
        }
    }

    /** {@code stats SECONDS rssKb peakKb heapBytes threads fds}. */
    public String line(long elapsedSeconds) {
        return "stats " + elapsedSeconds + " " + rssKb + " " + peakRssKb + " " + heapAfterGcBytes + " " + threads
                + " " + openFiles;
    }

    public static ProcessStats parse(String statsLine) {
        String[] f = statsLine.split(" ");
        return new ProcessStats(Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
                Integer.parseInt(f[5]), Integer.parseInt(f[6]));
    }

    /**
     * The names of this JVM's live threads, sorted (a name appears once per thread), from the same source as
     * the thread count ({@code ThreadMXBean}).
     */
    public static java.util.List<String> threadNames() {
        return java.util.Arrays.stream(ManagementFactory.getThreadMXBean().dumpAllThreads(false, false))
                .map(java.lang.management.ThreadInfo::getThreadName).sorted().toList();
    }

    /**
     * What changed from {@code before} to {@code after} (two {@link #threadNames()}), e.g. "+Attach Listener
     * -folder-listing"; empty when nothing did.
     */
    public static String threadChange(java.util.List<String> before, java.util.List<String> after) {
        java.util.List<String> added = new java.util.ArrayList<>(after);
        java.util.List<String> removed = new java.util.ArrayList<>(before);
        before.forEach(added::remove);
        after.forEach(removed::remove);
        StringBuilder change = new StringBuilder();
        added.forEach(name -> change.append(change.isEmpty() ? "" : " ").append('+').append(name));
        removed.forEach(name -> change.append(change.isEmpty() ? "" : " ").append('-').append(name));
        return change.toString();
    }

    public static long elapsedOf(String statsLine) {
        return Long.parseLong(statsLine.split(" ")[1]);
    }
}
