package org.samannotator.core.image;

import com.twelvemonkeys.imageio.metadata.CompoundDirectory;
import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import javax.imageio.stream.ImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the EXIF Orientation tag (0x0112 in IFD0) of a JPEG stream with TwelveMonkeys' metadata readers: the
 * APP1 "Exif" segments before the first SOS ({@link JPEGSegmentUtil}) and their TIFF structure
 * ({@link TIFFReader}, which stops at IFD loops and bounds every offset by the segment's length). Missing,
 * malformed or hostile EXIF data yields {@link ExifOrientation#NORMAL}: a broken tag must not make an image
 * unloadable.
 */
final class JpegExifReader {
    private static final Logger LOG = LoggerFactory.getLogger(JpegExifReader.class);
    private static final String EXIF_IDENTIFIER = "Exif";

    private JpegExifReader() {
    }

    /**
     * Reads the orientation of the first "Exif" APP1 segment from the stream's current position (the start of a
     * JPEG file). The stream
     * position afterwards is unspecified; callers seek back before decoding. Never throws for bad data.
     */
    static ExifOrientation readOrientation(ImageInputStream in) {
        try {
            List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(in, JPEG.APP1, EXIF_IDENTIFIER);
            if (!segments.isEmpty()) {
                return orientationFromTiff(tiffBytes(segments.get(0)));
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("JPEG markers unreadable, EXIF orientation ignored: {}", e.toString());
        }
        return ExifOrientation.NORMAL;
    }

    /**
     * Parses a TIFF structure (byte-order mark, 42, IFD0 offset, IFDs) and returns IFD0's orientation entry;
     * {@link ExifOrientation#NORMAL} when it is absent, not an integer, outside 1-8 or the structure is broken.
     */
    static ExifOrientation orientationFromTiff(byte[] tiff) {
        try {
            Directory directory = new TIFFReader().read(new ByteArrayImageInputStream(tiff));
            Directory ifd0 = directory instanceof CompoundDirectory compound && compound.directoryCount() > 0
                    ? compound.getDirectory(0) : directory;
            Entry entry = ifd0.getEntryById(TIFF.TAG_ORIENTATION);
            Object value = entry == null ? null : entry.getValue();
            if (value instanceof Integer || value instanceof Long) {
                return ExifOrientation.fromTagValue((int) Math.min(Integer.MAX_VALUE, ((Number) value).longValue()));
            }
            if (value != null) {
                LOG.debug("EXIF orientation of type {} ignored", entry.getTypeName());
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("EXIF data unreadable, orientation ignored: {}", e.toString());
        }
        return ExifOrientation.NORMAL;
    }

    /** The segment's TIFF bytes: what follows "Exif\0" and its pad byte (tolerating writers that omit the pad). */
    private static byte[] tiffBytes(JPEGSegment segment) throws IOException {
        try (InputStream data = segment.data()) {
            byte[] bytes = data.readAllBytes();
            int start = bytes.length > 0 && bytes[0] == 0 ? 1 : 0;
            return Arrays.copyOfRange(bytes, start, bytes.length);
        }
    }
}
