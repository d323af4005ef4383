package org.samannotator.core.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the JVM's used heap (total - free) on a daemon thread every {@code intervalMillis} and keeps the
 * maximum; {@link #processPeakRssBytes()} reads the process's resident-set high-water mark (VmHWM of
 * /proc/self/status; empty where that file does not exist, i.e. not Linux).
 */
public final class PeakMemorySampler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PeakMemorySampler.class);

    private final Thread thread;
    private volatile boolean running = true;
    private volatile long maxUsedHeap;

    public PeakMemorySampler(long intervalMillis) {
        sample();
        thread = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(intervalMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }, "peak-memory-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Takes one sample now (also call it at interesting points between timer samples). */
    public void sample() {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        if (used > maxUsedHeap) {
            maxUsedHeap = used;
        }
    }

    /** The largest used-heap sample so far, in bytes. */
    public long maxUsedHeapBytes() {
        return maxUsedHeap;
    }

    /** Peak resident set size of this process in bytes (Linux VmHWM), if available. */
    public static OptionalLong processPeakRssBytes() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return OptionalLong.empty();
        }
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024L);
                }
            }
        } catch (IOException | NumberFormatException e) {
            LOG.debug("peak memory unavailable from {}: {}", status, e.toString());
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        sample();
    }
}
