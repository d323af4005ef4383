package org.samannotator.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.logging.LogFiles;
import org.slf4j.LoggerFactory;

/** The logback setup on a private LoggerContext, with stdout and stderr captured. */
class LogbackConfiguratorTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AtomicInteger unavailableReports = new AtomicInteger();
    private final LoggerContext context = new LoggerContext();
    private PrintStream realOut;
    private PrintStream realErr;

    @BeforeEach
    void captureConsole() {
        context.setMDCAdapter(new LogbackMDCAdapter()); // the service provider does this for the real context
        realOut = System.out;
        realErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreConsole() {
        context.stop();
        System.setOut(realOut);
        System.setErr(realErr);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void fileIsCreatedAtTheFirstMessageAndTheConsoleShowsOnlyWarnings() throws IOException {
        Path logs = dir.resolve("state/logs");
        LogbackConfigurator.configure(context, logs, unavailableReports::incrementAndGet);
        assertFalse(Files.exists(logs), "nothing is created before the first message");

        context.getLogger("org.samannotator.core.Example").debug("detail for the file");
        context.getLogger("org.samannotator.core.Example").info("progress note");
        context.getLogger("org.samannotator.core.Example").warn("something to fix");
        context.getLogger("com.example.Library").debug("library chatter");
        context.stop();

        String file = Files.readString(logs.resolve(LogFiles.LOG_FILE_NAME));
        assertTrue(file.contains("DEBUG [main] org.samannotator.core.Example - detail for the file"), file);
        assertTrue(file.contains("progress note") && file.contains("something to fix"), file);
        assertFalse(file.contains("library chatter"), file);
        assertEquals("WARN  Example - something to fix" + System.lineSeparator(), stderr());
        assertEquals("", out.toString(StandardCharsets.UTF_8), "nothing ever goes to stdout");
        assertEquals(0, unavailableReports.get());
    }

    @Test
    void unwritableFolderFallsBackToTheConsoleWithoutFailing() throws IOException {
        Path blocker = Files.writeString(dir.resolve("not-a-folder"), "x");
        LogbackConfigurator.configure(context, blocker.resolve("logs"), unavailableReports::incrementAndGet);

        context.getLogger("org.samannotator.cli.Example").info("first");
        context.getLogger("org.samannotator.cli.Example").error("still shown");
        context.getLogger("org.samannotator.cli.Example").info("second");

        String console = stderr();
        assertTrue(console.startsWith("SAM Annotator: no log file in " + blocker.resolve("logs")), console);
        assertTrue(console.contains("ERROR Example - still shown"), console);
        assertFalse(console.contains("logback") || console.contains("|-"), "no logback status output: " + console);
        assertEquals(1, console.lines().filter(l -> l.startsWith("SAM Annotator: no log file")).count(), console);
        assertEquals(1, unavailableReports.get());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void logbackFindsThisConfigurationOnItsOwn() {
        LoggerContext real = assertInstanceOf(LoggerContext.class, LoggerFactory.getILoggerFactory());
        assertTrue(real.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("log-file") != null,
                "the service-loaded LogbackConfigurator configured the default context");
    }
}
