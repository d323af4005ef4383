package org.samannotator.gui;

import java.lang.management.ManagementFactory;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the desktop app's Java heap close to what it uses. The JVM's default maximum heap is a quarter of the
 * machine's memory, and G1 keeps the heap it grew to: on a 24 GB machine the app held 1.2 GB of heap for
 * about 150 MB of live data after a few minutes of annotating. These manageable G1 settings (set at start,
 * no command-line flag needed, so they hold for {@code java -jar} and the installers alike) let it give
 * memory back: a concurrent cycle every {@value #PERIODIC_GC_MILLIS} ms while the app is idle, and at most
 * {@value #MAX_FREE_PERCENT} % of the heap free after a cycle. Settings given on the command line win.
 */
final class HeapFootprint {
    static final long PERIODIC_GC_MILLIS = 30_000;
    static final int MAX_FREE_PERCENT = 40;
    static final int MIN_FREE_PERCENT = 20;
    private static final Logger LOG = LoggerFactory.getLogger(HeapFootprint.class);

    private HeapFootprint() {
    }

    /** {@link #apply()} on a daemon thread: loading the management classes takes the FX thread's time otherwise. */
    static void applyInBackground() {
        Thread thread = new Thread(HeapFootprint::apply, "heap-settings");
        thread.setDaemon(true);
        thread.start();
    }

    /** Applies the settings that the command line did not set; logs and goes on where the JVM refuses one. */
    static void apply() {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put("MinHeapFreeRatio", String.valueOf(MIN_FREE_PERCENT));
        settings.put("MaxHeapFreeRatio", String.valueOf(MAX_FREE_PERCENT));
        settings.put("G1PeriodicGCInterval", String.valueOf(PERIODIC_GC_MILLIS));
        try {
            com.sun.management.HotSpotDiagnosticMXBean vm =
                    ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            settings.forEach((name, value) -> set(vm, name, value));
        } catch (RuntimeException | LinkageError e) {
            LOG.info("Heap settings left as they are ({})", e.toString());
        }
    }

    private static void set(com.sun.management.HotSpotDiagnosticMXBean vm, String name, String value) {
        try {
            if (vm.getVMOption(name).getOrigin() == com.sun.management.VMOption.Origin.DEFAULT) {
                vm.setVMOption(name, value);
            }
        } catch (RuntimeException e) {
            LOG.info("Heap setting {}={} not applied ({})", name, value, e.toString());
        }
    }
}
