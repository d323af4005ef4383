package org.samannotator.reliability.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.annotation.ProjectData;
import org.samannotator.core.embedding.CacheEntries;
import org.samannotator.core.model.TestModels;
import org.samannotator.gui.SyntheticImages;

/**
 * Crash harness: the {@link SessionDriver} (the real session and model in a child JVM) is killed with SIGKILL
 * ({@link Process#destroyForcibly()}) at random moments (one kill in ten during the start, the others up to
 * 3 s after the driver's journal reached a random length of 1 to 80 lines), {@code crash.kills} times (5 by default, so CI stays
 * short; the Reliability page gives the 100-kill figures), and restarted on the same folder and cache. After
 * every kill {@link CrashCheck} looks at the files; every fifth round one embedding-cache entry (the image
 * the next run opens first) is torn on purpose, and the next run must recompute it. Writes
 * {@code target/reliability/crash-harness.md}.
 *
 * <pre>mvn -o -q verify -Dtest=none -Dit.test=CrashHarnessIT -Dcrash.kills=100</pre>
 */
class CrashHarnessIT {
    /** A kill lands up to this long after the driver's journal reached a random length of 1 to MAX_LINES lines. */
    private static final long MAX_DELAY_MILLIS = Long.getLong("crash.maxDelayMillis", 3_000);
    private static final int MAX_LINES = Integer.getInteger("crash.maxLines", 80);

    private final Map<String, Integer> phases = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();
    private int tempFiles;
    private final java.util.Set<String> seenTempFiles = new java.util.HashSet<>();
    private int tornInjected;
    private int tornRecomputed;
    private int opened;
    /** Cache entries torn on purpose and not read again yet (not counted as corrupt). */
    private final java.util.Set<String> tornOnPurpose = new java.util.HashSet<>();

    @Test
    void killedSessionsLoseNothingSaved(@TempDir Path dir) throws Exception {
        int kills = Integer.getInteger("crash.kills", 5);
        Random random = new Random(Long.getLong("crash.seed", 42));
        Path folder = dir.resolve("images");
        SyntheticImages.writeFolder(folder, 6);
        Path cache = dir.resolve("cache");
        Path export = dir.resolve("export.json");
        String modelId = TestModels.defaultModel().id();
        ProjectState before = ProjectState.of(ProjectData.empty());
        int acknowledged = 0;
        for (int round = 1; round <= kills; round++) {
            Path torn = round % 5 == 0 ? tearStartEntry(folder, cache, modelId) : null;
            Path journal = dir.resolve("journal-" + round + ".log");
            Path output = dir.resolve("driver-" + round + ".txt");
            int lines = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(MAX_LINES);
            long delay = (long) (random.nextDouble() * MAX_DELAY_MILLIS);
            if (!runAndKill(folder, cache, journal, output, round, lines, delay)) {
                String text = Files.readString(output, StandardCharsets.UTF_8);
                problems.add("round " + round + ": the driver died by itself: "
                        + text.substring(0, Math.min(400, text.length())).replace('\n', ' '));
            }
            CrashCheck check = CrashCheck.after(folder, cache, export, journal, before);
            record(round, check);
            if (torn != null) {
                checkRecomputed(round, torn, check);
            }
            acknowledged += (int) Journal.read(journal).stream().filter(l -> l.startsWith("ack ")).count();
            before = check.saved();
            writeReport(report(round, acknowledged, before));
        }
        String report = report(kills, acknowledged, before);
        writeReport(report);
        System.out.println(report);
        assertEquals(List.of(), problems, report);
        assertTrue(opened > 0, "no run got as far as opening the folder: " + report);
    }

    private static void writeReport(String report) throws IOException {
        Files.createDirectories(Path.of("target/reliability"));
        Files.writeString(Path.of("target/reliability/crash-harness.md"), report, StandardCharsets.UTF_8);
    }

    /**
     * Starts the driver and kills it {@code delayMillis} after its journal reached {@code lines} lines (a
     * moment measured in the driver's progress, so a loaded machine does not make every kill land in the JVM
     * start). False when the driver ended by itself before the kill.
     */
    private static boolean runAndKill(Path folder, Path cache, Path journal, Path output, int round, int lines,
            long delayMillis) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dsamannotator.logDir=" + folder.resolveSibling("logs"),
                SessionDriver.class.getName(), "folder=" + folder, "cache=" + cache, "journal=" + journal,
                "seed=" + round, "bound=20").redirectErrorStream(true).redirectOutput(output.toFile()).start();
        while (child.isAlive() && Journal.read(journal).size() < lines) {
            Thread.sleep(20);
        }
        boolean exited = child.waitFor(delayMillis, TimeUnit.MILLISECONDS);
        if (exited) {
            return false;
        }
        child.destroyForcibly(); // SIGKILL on Linux and macOS
        child.waitFor();
        return true;
    }

    /** Tears (truncates to half) the cache entry of the image the next run opens first, if it has one. */
    private Path tearStartEntry(Path folder, Path cache, String modelId) throws IOException {
        var data = new org.samannotator.core.annotation.ProjectStore(folder).load().data();
        String start = data.currentImage().orElse("img1.png");
        Path entry = CacheEntries.entryOf(cache, modelId, folder.resolve(start));
        if (!Files.exists(entry)) {
            return null;
        }
        byte[] bytes = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        tornOnPurpose.add(entry.getFileName().toString());
        tornInjected++;
        return folder.resolve(start);
    }

    private void checkRecomputed(int round, Path image, CrashCheck check) {
        String name = image.getFileName().toString();
        for (String ready : check.readyLines()) {
            if (ready.startsWith("ready " + name + " ")) {
                if (ready.endsWith(" cache")) {
                    problems.add("round " + round + ": the torn cache entry of " + name + " was used");
                } else {
                    tornRecomputed++;
                    tornOnPurpose.clear();
                }
                return;
            }
        }
        // killed before the image was ready: the torn entry is left for the next run (found by CrashCheck)
        tornInjected--;
    }

    private void record(int round, CrashCheck check) {
        // temporary files an earlier kill left (nothing deletes an export's) are not this kill's
        List<String> fresh = check.tempFiles().stream().filter(seenTempFiles::add).toList();
        phases.merge(check.phase() + (fresh.isEmpty() ? "" : " (" + fresh.stream()
                .map(t -> t.substring(0, t.indexOf(':'))).distinct().sorted().reduce((a, b) -> a + ", " + b)
                .orElse("") + " file being written)"), 1, Integer::sum);
        tempFiles += fresh.size();
        if (check.opened()) {
            opened++;
        }
        check.corrupt().stream().filter(c -> !tornOnPurpose.contains(c.replace("cache entry ", ""))).forEach(c -> problems.add("round " + round
                + ": corrupt " + c));
        check.lost().ifPresent(l -> problems.add("round " + round + ": lost " + l));
        if (!check.lockFree()) {
            problems.add("round " + round + ": the folder lock is still held after the kill");
        }
    }

    private String report(int kills, int acknowledged, ProjectState last) {
        StringBuilder out = new StringBuilder("| Killed during | Kills |\n| --- | ---: |\n");
        phases.forEach((phase, n) -> out.append("| ").append(phase).append(" | ").append(n).append(" |\n"));
        out.append("\n").append(kills).append(" kills; ").append(opened).append(" runs opened the folder (the others")
                .append(" were killed before); ").append(acknowledged).append(" actions acknowledged as saved, ")
                .append(problems.size()).append(" problems (corrupt or unreadable files, lost actions, stale locks,")
                .append(" torn cache entries used); ").append(tempFiles).append(" temporary files left by kills; ")
                .append(tornRecomputed).append(" of ").append(tornInjected)
                .append(" torn cache entries recomputed; the project holds ").append(last.total())
                .append(" objects at the end.\n");
        problems.forEach(p -> out.append("- ").append(p).append("\n"));
        return out.toString();
    }
}
