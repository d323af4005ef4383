package org.samannotator.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The app's G1 settings reach the running JVM; a setting given on the command line is left alone. */
class HeapFootprintTest {
    private static final HotSpotDiagnosticMXBean VM =
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    @Test
    void theSettingsNotGivenOnTheCommandLineAreApplied() {
        VMOption before = VM.getVMOption("G1PeriodicGCInterval");
        HeapFootprint.apply();
        if (before.getOrigin() == VMOption.Origin.DEFAULT) {
            assertEquals(String.valueOf(HeapFootprint.PERIODIC_GC_MILLIS), VM.getVMOption("G1PeriodicGCInterval").getValue());
        } else {
            assertEquals(before.getValue(), VM.getVMOption("G1PeriodicGCInterval").getValue(), "the command line wins");
        }
        VMOption maxFree = VM.getVMOption("MaxHeapFreeRatio");
        if (maxFree.getOrigin() == VMOption.Origin.MANAGEMENT) {
            assertEquals(String.valueOf(HeapFootprint.MAX_FREE_PERCENT), maxFree.getValue());
        }
    }
}
