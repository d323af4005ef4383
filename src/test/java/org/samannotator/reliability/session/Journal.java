package org.samannotator.reliability.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The driver's record of what it did, one line per event, appended and forced to disk before the driver goes
 * on: {@code phase NAME} (what it starts doing), {@code intent N ACTION COUNTS} (a persistent action about to
 * run and the object counts it leads to), {@code ack N EXACT} (the action's state is saved: autosave flushed,
 * no unsaved change), {@code ready FILE cache|computed}, {@code stats ...}. A SIGKILL can only cut the last line.
 */
public final class Journal implements AutoCloseable {
    private final FileChannel channel;

    public Journal(Path file) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    public synchronized void line(String text, boolean force) {
        try {
            channel.write(ByteBuffer.wrap((text + "\n").getBytes(StandardCharsets.UTF_8)));
            if (force) {
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The complete lines of a journal (a line cut by a kill is dropped). */
    public static List<String> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
