package org.samannotator.logging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Called first thing by {@code Main}: routes java.util.logging (and with it {@code System.Logger}, which the
 * JDK backs with java.util.logging: ONNX Runtime, JavaFX, image readers) into SLF4J, so everything ends up in
 * the one log file, and logs uncaught exceptions instead of only printing them.
 */
public final class LoggingStartup {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingStartup.class);

    private LoggingStartup() {
    }

    /** Idempotent; configures logback on first use (see {@link LogbackConfigurator}). */
    public static synchronized void start() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        Thread.setDefaultUncaughtExceptionHandler((thread, error) ->
                LOG.error("uncaught exception in thread {}", thread.getName(), error));
    }
}
