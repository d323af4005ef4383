package org.samannotator.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import java.nio.file.Path;
import org.samannotator.core.logging.LogFiles;
import org.slf4j.Logger;

/**
 * Logback's configuration, in code (found by logback through {@code META-INF/services}, whoever logs first):
 * <ul>
 *   <li>a rolling file in {@link LogFiles#logDirectory()}, opened lazily ({@link LazyRollingFileAppender}):
 *       {@code org.samannotator} from DEBUG, everything else from INFO;</li>
 *   <li>stderr: WARN and above only, so command output on stdout is exactly what the commands print;</li>
 *   <li>JavaFX's own logger ({@code javafx}) only from ERROR, as the app launcher already does for
 *       java.util.logging;</li>
 *   <li>logback's own status messages are never printed.</li>
 * </ul>
 * Setting {@code -Dlogback.configurationFile=...} hands configuration back to logback's usual XML loading.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogbackConfigurator extends ContextAwareBase implements Configurator {
    static final String CONSOLE_PATTERN = "%-5level %logger{0} - %msg%n%ex{3}";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        configure(context, LogFiles.logDirectory(), LogFiles::reportFileUnavailable);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Replaces {@code context}'s configuration: console (WARN+) and the lazy log file in {@code logDirectory}. */
    static void configure(LoggerContext context, Path logDirectory, Runnable onFileUnavailable) {
        context.reset();
        context.getStatusManager().add(new NopStatusListener()); // a listener keeps logback from printing
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console(context));
        LazyRollingFileAppender file = new LazyRollingFileAppender(logDirectory, onFileUnavailable);
        file.setContext(context);
        file.setName("log-file");
        file.start();
        root.addAppender(file);
        context.getLogger("org.samannotator").setLevel(Level.DEBUG);
        context.getLogger("javafx").setLevel(Level.ERROR);
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(CONSOLE_PATTERN);
        encoder.start();
        ThresholdFilter warnAndAbove = new ThresholdFilter();
        warnAndAbove.setLevel(Level.WARN.toString());
        warnAndAbove.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.addFilter(warnAndAbove);
        console.start();
        return console;
    }
}
