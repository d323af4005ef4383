package org.samannotator.logging;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.samannotator.core.logging.LogFiles;

/**
 * A size-and-time rolling log file that is opened at the first event, so a command that logs nothing creates
 * no file or folder. If the folder cannot be created or written (read-only home, a file in the way), one line
 * says so on stderr, {@code onUnavailable} runs, and all later events are dropped here (the console appender
 * still shows warnings and errors): logging never stops the application.
 */
final class LazyRollingFileAppender extends AppenderBase<ILoggingEvent> {
    static final String FILE_PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";
    /** Each file rolls over at this size or at midnight. */
    static final FileSize MAX_FILE_SIZE = FileSize.valueOf("10MB");
    /** All files together (current and rolled) are capped at this size: about five full files. */
    static final FileSize TOTAL_SIZE_CAP = FileSize.valueOf("50MB");
    private static final int MAX_HISTORY_DAYS = 30;

    private final Path directory;
    private final Runnable onUnavailable;
    private RollingFileAppender<ILoggingEvent> file;
    private boolean unavailable;

    /**
     * @param directory the log folder (created at the first event)
     * @param onUnavailable told once when the file cannot be written
     */
    LazyRollingFileAppender(Path directory, Runnable onUnavailable) {
        this.directory = directory;
        this.onUnavailable = onUnavailable;
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (unavailable) {
            return;
        }
        if (file == null) {
            file = open();
            if (file == null) {
                unavailable = true;
                onUnavailable.run();
                return;
            }
        }
        file.doAppend(event);
    }

    @Override
    public void stop() {
        if (file != null) {
            file.stop();
        }
        super.stop();
    }

    private RollingFileAppender<ILoggingEvent> open() {
        try {
            Files.createDirectories(directory);
        } catch (IOException | RuntimeException e) {
            reportUnavailable("cannot create the folder (" + e + ")");
            return null;
        }
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(getContext());
        appender.setName(getName() + "-file");
        appender.setFile(directory.resolve(LogFiles.LOG_FILE_NAME).toString());
        appender.setRollingPolicy(rollingPolicy(appender));
        appender.setEncoder(encoder());
        appender.start();
        if (!appender.isStarted()) {
            reportUnavailable("cannot open " + LogFiles.LOG_FILE_NAME + " for writing");
            return null;
        }
        return appender;
    }

    private SizeAndTimeBasedRollingPolicy<ILoggingEvent> rollingPolicy(RollingFileAppender<ILoggingEvent> parent) {
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(getContext());
        policy.setParent(parent);
        // forward slashes: logback's file name patterns treat backslashes as escapes; Java accepts '/' on Windows
        String folder = directory.toString().replace('\\', '/');
        policy.setFileNamePattern(folder + "/sam-annotator.%d{yyyy-MM-dd}.%i.log");
        policy.setMaxFileSize(MAX_FILE_SIZE);
        policy.setMaxHistory(MAX_HISTORY_DAYS);
        policy.setTotalSizeCap(TOTAL_SIZE_CAP);
        policy.start();
        return policy;
    }

    private PatternLayoutEncoder encoder() {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(getContext());
        encoder.setPattern(FILE_PATTERN);
        encoder.start();
        return encoder;
    }

    /** Plain stderr on purpose: this is the logging system itself failing, once per process. */
    private void reportUnavailable(String reason) {
        System.err.println("SAM Annotator: no log file in " + directory + ": " + reason
                + "; warnings and errors go to the console only (set -D" + LogFiles.LOG_DIR_PROPERTY
                + "=<folder> to choose another folder)");
    }
}
