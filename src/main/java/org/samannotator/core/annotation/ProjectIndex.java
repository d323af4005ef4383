package org.samannotator.core.annotation;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The project index, {@code project.samproj.index} beside the project file: what opening reads of each image
 * ({@link EntrySummary}) and where its text is in the project file, written after each save so that opening
 * need not tokenize the whole project file (a 10,000 x 20 project file is about 60 MB of JSON).
 *
 * <p>The index is a cache: it names the project file it describes by its length and CRC-32C, and carries its
 * own CRC-32C. A missing, damaged or outdated index (a crash between the two writes, a project file edited or
 * replaced by hand, an older version of the app) is ignored and the project file is scanned as before; nothing
 * in it is ever needed to read the project. Binary, big-endian: magic, version, the project file's length,
 * CRC and the byte offset of the "images" array, whether the data written was consistent, the number of images, per image its offset and length in the
 * project file and its summary, then the CRC of everything before it.
 */
final class ProjectIndex {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectIndex.class);
    private static final long MAGIC = 0x53414d494e444558L; // "SAMINDEX"
    private static final int VERSION = 1;
    private static final byte NULL = 0;
    private static final byte ALL_EQUAL = 1;
    private static final byte EACH = 2;
    /**
     * An index holds a few numbers per object, whose JSON in the project file (an RLE, a bounding box) is
     * longer; an index file larger than this many times its project file (plus 1 MB) is not read.
     */
    private static final long MAX_BYTES_PER_PROJECT_BYTE = 4;

    /** One image: its text is the {@code length} bytes of the project file from {@code offset}. */
    record Entry(int offset, int length, EntrySummary summary) {
    }

    /**
     * The index of a project file of {@code projectLength} bytes with CRC-32C {@code projectCrc}, whose
     * "images" array starts (its '[') at byte {@code imagesOffset}; {@code entries} in the order of the array.
     * {@code consistent}: the project's checks ({@link ProjectRepairs}) found nothing to repair in the data
     * that was written, so opening need not run them again.
     */
    record Contents(long projectLength, int projectCrc, long imagesOffset, boolean consistent, List<Entry> entries) {
    }

    private ProjectIndex() {
    }

    /** The index file of {@code projectFile}. */
    static Path fileOf(Path projectFile) {
        return projectFile.resolveSibling(projectFile.getFileName() + ".index");
    }

    /** The CRC-32C of {@code bytes}, as the index records its project file's. */
    static int crcOf(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length);
        return (int) crc.getValue();
    }

    /**
     * The index in {@code indexFile} when it describes exactly {@code project} (the project file's bytes);
     * empty when there is none, or it is damaged, of another version, or of another project file.
     */
    static Optional<Contents> readFor(Path indexFile, byte[] project) {
        byte[] bytes;
        try {
            if (Files.size(indexFile) > MAX_BYTES_PER_PROJECT_BYTE * project.length + (1 << 20)) {
                LOG.debug("project index {} is far larger than its project file; ignored", indexFile);
                return Optional.empty();
            }
            bytes = Files.readAllBytes(indexFile);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.debug("project index {} not read: {}", indexFile, e.toString());
            return Optional.empty();
        }
        Optional<Contents> contents = decode(bytes);
        if (contents.isPresent() && (contents.get().projectLength() != project.length
                || contents.get().projectCrc() != crcOf(project))) {
            LOG.debug("project index {} describes another version of the project file; scanning it", indexFile);
            return Optional.empty();
        }
        return contents;
    }

    /** The contents of an index file's bytes; empty when they are damaged or of another version. */
    static Optional<Contents> decode(byte[] bytes) {
        if (bytes.length < 12) {
            return Optional.empty();
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (in.getLong() != MAGIC || in.getInt() != VERSION || in.getInt(bytes.length - 4) != (int) crc.getValue()) {
            return Optional.empty();
        }
        in.limit(bytes.length - 4);
        try {
            long projectLength = in.getLong();
            int projectCrc = in.getInt();
            long imagesOffset = in.getLong();
            boolean consistent = in.get() == 1;
            int count = checkedCount(in, 8);
            List<Entry> entries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                entries.add(new Entry(in.getInt(), in.getInt(), readSummary(in)));
            }
            return in.hasRemaining() ? Optional.empty()
                    : Optional.of(new Contents(projectLength, projectCrc, imagesOffset, consistent, entries));
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Writes {@code contents} to {@code indexFile} atomically. */
    static void write(Path indexFile, Contents contents) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);
        DataOutputStream out = new DataOutputStream(buffer);
        out.writeLong(MAGIC);
        out.writeInt(VERSION);
        out.writeLong(contents.projectLength());
        out.writeInt(contents.projectCrc());
        out.writeLong(contents.imagesOffset());
        out.writeBoolean(contents.consistent());
        out.writeInt(contents.entries().size());
        for (Entry entry : contents.entries()) {
            out.writeInt(entry.offset());
            out.writeInt(entry.length());
            writeSummary(out, entry.summary());
        }
        byte[] bytes = buffer.toByteArray();
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length);
        org.samannotator.core.io.AtomicFiles.write(indexFile, target -> {
            target.write(bytes);
            target.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        });
    }

    private static void writeSummary(DataOutputStream out, EntrySummary summary) throws IOException {
        writeText(out, summary.fileName());
        writeText(out, summary.status());
        writeInteger(out, summary.width());
        writeInteger(out, summary.height());
        writeKeys(out, summary.objects());
        writeKeys(out, summary.suggestions());
    }

    private static EntrySummary readSummary(ByteBuffer in) {
        return new EntrySummary(readText(in), readText(in), readInteger(in), readInteger(in), readKeys(in),
                readKeys(in));
    }

    private static void writeKeys(DataOutputStream out, EntryKeys keys) throws IOException {
        out.writeInt(keys.count());
        out.writeBoolean(keys.complete());
        out.writeInt(keys.ids().length);
        for (long id : keys.ids()) {
            out.writeLong(id);
        }
        writeColumn(out, keys.categoryIds());
        writeColumn(out, keys.widths());
        writeColumn(out, keys.heights());
    }

    private static EntryKeys readKeys(ByteBuffer in) {
        int count = in.getInt();
        boolean complete = in.get() != 0;
        long[] ids = new long[checkedCount(in, 8)];
        in.asLongBuffer().get(ids); // in bulk: opening reads hundreds of thousands of these
        in.position(in.position() + 8 * ids.length);
        return new EntryKeys(count, ids, readColumn(in), readColumn(in), readColumn(in), complete);
    }

    /** An int column: null, all one value (the mask sizes of an image's objects usually are), or each value. */
    private static void writeColumn(DataOutputStream out, int[] column) throws IOException {
        if (column == null) {
            out.writeByte(NULL);
            return;
        }
        boolean allEqual = true;
        for (int value : column) {
            allEqual &= value == column[0];
        }
        out.writeByte(allEqual ? ALL_EQUAL : EACH);
        out.writeInt(column.length);
        for (int i = 0; i < (allEqual ? Math.min(1, column.length) : column.length); i++) {
            out.writeInt(column[i]);
        }
    }

    private static int[] readColumn(ByteBuffer in) {
        byte kind = in.get();
        if (kind == NULL) {
            return null;
        }
        int[] column = new int[checkedCount(in, kind == ALL_EQUAL ? 0 : 4)];
        if (kind == ALL_EQUAL) {
            java.util.Arrays.fill(column, column.length == 0 ? 0 : in.getInt());
        } else if (kind == EACH) {
            in.asIntBuffer().get(column);
            in.position(in.position() + 4 * column.length);
        } else {
            throw new IllegalArgumentException("unknown column kind " + kind);
        }
        return column;
    }

    /** A count read from the index, no larger than what the rest of it can hold at {@code bytesEach} each. */
    private static int checkedCount(ByteBuffer in, int bytesEach) {
        int count = in.getInt();
        if (count < 0 || bytesEach > 0 && count > in.remaining() / bytesEach || count > (1 << 28)) {
            throw new IllegalArgumentException("count " + count + " out of range");
        }
        return count;
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(ByteBuffer in) {
        int length = in.getInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("text length " + length + " out of range");
        }
        String text = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return text;
    }

    private static void writeInteger(DataOutputStream out, Integer value) throws IOException {
        out.writeBoolean(value != null);
        out.writeInt(value == null ? 0 : value);
    }

    private static Integer readInteger(ByteBuffer in) {
        boolean present = in.get() != 0;
        int value = in.getInt();
        return present ? value : null;
    }
}
