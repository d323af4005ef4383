package org.samannotator.core.model;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads a gzip-compressed tar archive (the {@code .tgz} that {@code npm pack} writes) once, front to back, with
 * Apache Commons Compress, handing the data of the wanted regular files to a callback. Archive member names are
 * only compared with the wanted names, never used as paths, so a hostile archive cannot write anywhere; links,
 * directories and other special members are never handed out. A truncated or corrupt archive raises an
 * {@link IOException} that names the archive file.
 */
final class PackageTarball {
    private static final int BUFFER_SIZE = 1 << 16;

    /** Receives the data of one wanted member; the stream ends with the member and must not be closed. */
    @FunctionalInterface
    interface MemberHandler {
        void accept(String name, InputStream data) throws IOException;
    }

    /** Read failures of the archive itself (as opposed to failures of the handler, e.g. a full disk). */
    static final class CorruptArchiveException extends IOException {
        private static final long serialVersionUID = 1L;

        CorruptArchiveException(Path archive, IOException cause) {
            super(archive + " is truncated or corrupt (" + cause.getMessage() + "); delete it and fetch again",
                    cause);
        }
    }

    private PackageTarball() {
    }

    /**
     * Streams {@code tarball} and calls {@code handler} for each regular file whose name is in {@code wanted}
     * (names as stored in the archive, e.g. {@code package/dist/model.onnx}); reading stops once all were seen.
     *
     * @return the wanted names that the archive does not contain as regular files (empty when all were found)
     * @throws CorruptArchiveException when the archive cannot be read to the end of the wanted members
     */
    static Set<String> extract(Path tarball, Set<String> wanted, MemberHandler handler) throws IOException {
        Set<String> missing = new LinkedHashSet<>(wanted);
        try (InputStream file = new BufferedInputStream(Files.newInputStream(tarball), BUFFER_SIZE);
                TarArchiveInputStream tar = openTar(tarball, file)) {
            TarArchiveEntry member;
            while (!missing.isEmpty() && (member = nextMember(tarball, tar)) != null) {
                if (isRegularFile(member) && missing.remove(member.getName())) {
                    handler.accept(member.getName(), new ArchiveReadGuard(tarball, tar, member.getSize()));
                }
            }
        }
        return missing;
    }

    /** Plain data members only (Commons Compress's {@code isFile()} is also true for links and devices). */
    private static boolean isRegularFile(TarArchiveEntry member) {
        byte type = member.getLinkFlag();
        return type == TarConstants.LF_NORMAL || type == TarConstants.LF_OLDNORM || type == TarConstants.LF_CONTIG;
    }

    private static TarArchiveInputStream openTar(Path tarball, InputStream file) throws CorruptArchiveException {
        try {
            return new TarArchiveInputStream(new GzipCompressorInputStream(file, true));
        } catch (IOException e) {
            throw new CorruptArchiveException(tarball, e);
        }
    }

    private static TarArchiveEntry nextMember(Path tarball, TarArchiveInputStream tar) throws CorruptArchiveException {
        try {
            return tar.getNextEntry();
        } catch (IOException e) {
            throw new CorruptArchiveException(tarball, e);
        }
    }

    /**
     * The current member's data: read errors, and an end before the member's declared size, become
     * {@link CorruptArchiveException}s; close does nothing.
     */
    private static final class ArchiveReadGuard extends FilterInputStream {
        private final Path tarball;
        private long remaining;

        ArchiveReadGuard(Path tarball, InputStream member, long declaredSize) {
            super(member);
            this.tarball = tarball;
            this.remaining = declaredSize;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read;
            try {
                read = super.read(buffer, offset, length);
            } catch (IOException e) {
                throw new CorruptArchiveException(tarball, e);
            }
            if (read == -1 && remaining > 0 && length > 0) {
                throw new CorruptArchiveException(tarball, new EOFException("a member ends " + remaining
                        + " bytes before its declared size"));
            }
            remaining -= Math.max(read, 0);
            return read;
        }

        @Override
        public void close() {
            // the archive stream stays open for the next member
        }
    }
}
