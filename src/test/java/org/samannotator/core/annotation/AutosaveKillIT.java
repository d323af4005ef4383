package org.samannotator.core.annotation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill-and-restart: a child JVM saves continuously through the autosaver and is killed with SIGKILL at
 * varying moments; after each kill the project file must load (never corrupt) and contain at least every
 * object whose save the child had reported complete.
 */
class AutosaveKillIT {
    @TempDir
    Path folder;

    @Test
    void sigkillNeverLosesACompletedSaveNorCorruptsTheFile() throws Exception {
        int previous = 0;
        for (int round = 0; round < 3; round++) {
            int reported = runAndKill(15 + round * 10);
            assertTrue(reported > previous, "the child made progress in round " + round);
            ProjectStore.LoadResult loaded = new ProjectStore(folder).load();
            assertTrue(loaded.warning().isEmpty(), "file is intact: " + loaded.warning().orElse(""));
            int saved = new AnnotationProject(loaded.data()).image("img.png").objects().size();
            assertTrue(saved >= reported, "saved " + saved + " objects but the child reported " + reported);
            assertTrue(saved <= reported + 1, "at most the action in flight is extra");
            previous = saved;
        }
    }

    /** Starts the child, waits for {@code saves} reported saves, SIGKILLs it; returns the last reported count. */
    private int runAndKill(int saves) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                AutosaveChild.class.getName(), folder.toString())).redirectError(new File("/dev/null")).start();
        int last = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            int seen = 0;
            String line;
            while (seen < saves && (line = out.readLine()) != null) {
                last = Integer.parseInt(line.substring("saved ".length()));
                seen++;
            }
            new ProcessBuilder("kill", "-KILL", Long.toString(child.pid())).start().waitFor();
            while ((line = out.readLine()) != null) {
                last = Integer.parseInt(line.substring("saved ".length()));
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        return last;
    }
}
