package org.samannotator.reliability;

import java.util.concurrent.TimeUnit;

/** Runs the mount commands of the fault tests (root only). */
final class MountCommands {
    private MountCommands() {
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }
}
