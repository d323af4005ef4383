package org.samannotator.core.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.image.ImageLoader;

/**
 * The images of a project folder for an import: looked up by file name or by stem (the name without its
 * extension, as YOLO and VOC name their files), with their (width, height) read from the file headers once.
 */
final class FolderImages {
    private final Path folder;
    private final Map<String, String> byName = new HashMap<>();
    private final Map<String, List<String>> byStem = new HashMap<>();
    private final Map<String, Size> sizes = new HashMap<>();

    FolderImages(Path folder, List<String> imageFiles) {
        this.folder = folder;
        for (String file : imageFiles) {
            byName.put(file, file);
            byStem.computeIfAbsent(stem(file), k -> new ArrayList<>()).add(file);
        }
    }

    /** The folder's image with this exact file name. */
    Optional<String> byName(String fileName) {
        return Optional.ofNullable(byName.get(fileName));
    }

    /**
     * The folder's image with this stem; empty when there is none.
     *
     * @throws FormatFileException when several images share the stem (e.g. a.png and a.jpg), naming them
     */
    Optional<String> byStem(String stem, Path annotationFile) throws FormatFileException {
        List<String> files = byStem.getOrDefault(stem, List.of());
        if (files.size() > 1) {
            throw new FormatFileException(annotationFile, "", "several images of the folder are named '" + stem
                    + "' (" + String.join(", ", files) + "); rename all but one so the file matches one image");
        }
        return files.stream().findFirst();
    }

    /** The image's (width, height) as displayed (EXIF orientation applied), read from its header. */
    Size size(String file) throws IOException {
        Size size = sizes.get(file);
        if (size == null) {
            size = ImageLoader.readSize(folder.resolve(file));
            sizes.put(file, size);
        }
        return size;
    }

    /** The file name without its last extension: "a.b.png" -> "a.b". */
    static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
