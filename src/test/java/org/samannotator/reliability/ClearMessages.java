package org.samannotator.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Assertions shared by the corpus: what a clear message and "nothing lost" mean. */
final class ClearMessages {
    /** Words that start advice in our messages ("Copy or export the image again", "Fix the file", ...). */
    private static final List<String> ADVICE = List.of("check ", "copy ", "use ", "choose ", "fix ", "delete ",
            "remove ", "free ", "reduce ", "install", "run ", "update ", "re-", "again", "kept as", "export");

    private ClearMessages() {
    }

    /** The message names the file (by its name) and contains advice. */
    static String assertClear(String message, Path file) {
        assertTrue(message != null && message.contains(file.getFileName().toString()),
                "message should name " + file.getFileName() + ": " + message);
        String lower = message.toLowerCase(Locale.ROOT);
        assertTrue(ADVICE.stream().anyMatch(lower::contains), "message should say what to do: " + message);
        assertTrue(!message.contains("\tat ") && !message.contains("Exception:"),
                "message should not be a stack trace or a raw exception: " + message);
        return message;
    }

    /** The file still has exactly these bytes. */
    static void assertUnchanged(Path file, byte[] expected) throws IOException {
        assertTrue(Arrays.equals(expected, Files.readAllBytes(file)), file + " was changed");
    }
}
