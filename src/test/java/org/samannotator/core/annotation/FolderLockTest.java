package org.samannotator.core.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two holders of one folder's lock: in this JVM and in a child process; the second is always refused. */
class FolderLockTest {
    @TempDir
    Path folder;

    @Test
    void aSecondLockInTheSameJvmIsRefusedUntilTheFirstIsReleased() throws Exception {
        FolderLock first = FolderLock.acquire(folder);
        assertTrue(Files.exists(folder.resolve(ProjectStore.DIRECTORY).resolve(FolderLock.FILE_NAME)));
        FolderLock.FolderInUseException refused = assertThrows(FolderLock.FolderInUseException.class,
                () -> FolderLock.acquire(folder));
        assertTrue(refused.getMessage().contains("open in another SAM Annotator window"), refused.getMessage());
        first.close();
        FolderLock.acquire(folder).close();
    }

    @Test
    void aLockHeldByAnotherProcessIsRefusedAndFreedWhenThatProcessEnds() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                FolderLockChild.class.getName(), folder.toString())).redirectError(new File("/dev/null")).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertEquals("locked", out.readLine());
            assertThrows(FolderLock.FolderInUseException.class, () -> FolderLock.acquire(folder));
            child.getOutputStream().close();
            assertTrue(child.waitFor(20, TimeUnit.SECONDS), "child ended");
        } finally {
            child.destroyForcibly();
        }
        FolderLock.acquire(folder).close();
    }
}
