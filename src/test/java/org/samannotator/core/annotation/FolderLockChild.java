package org.samannotator.core.annotation;

import java.nio.file.Path;

/** Child process of {@link FolderLockTest}: locks the folder given as argument, prints "locked", waits for stdin to close. */
public final class FolderLockChild {
    private FolderLockChild() {
    }

    public static void main(String[] args) throws Exception {
        try (FolderLock lock = FolderLock.acquire(Path.of(args[0]))) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // Holds the lock until the parent closes our stdin.
            }
        }
    }
}
