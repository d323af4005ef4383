package org.samannotator.core.formats;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The annotation formats a project can be exported to and imported from; {@link #id()} is the CLI name. */
public enum AnnotationFormat {
    /** COCO instances JSON (one file; RLE masks plus prompts, IoU, seconds and order). */
    COCO("coco", "COCO instances JSON", new CocoCodec()),
    /** Ultralytics YOLO segmentation: labels/*.txt with normalised polygons and data.yaml with the names. */
    YOLO_SEG("yolo-seg", "Ultralytics YOLO segmentation", new YoloSegCodec()),
    /** Pascal VOC segmentation: class and object palette PNGs plus Annotations/*.xml with boxes. */
    VOC("voc", "Pascal VOC segmentation", new VocCodec()),
    /** labelme: one JSON per image with polygon shapes. */
    LABELME("labelme", "labelme JSON", new LabelmeCodec());

    private final String id;
    private final String displayName;
    private final FormatCodec codec;

    AnnotationFormat(String id, String displayName, FormatCodec codec) {
        this.id = id;
        this.displayName = displayName;
        this.codec = codec;
    }

    /** The command-line name, e.g. {@code yolo-seg}. */
    public String id() {
        return id;
    }

    /** A name for menus and messages, e.g. "Pascal VOC segmentation". */
    public String displayName() {
        return displayName;
    }

    /** True when the export is one file ({@code --out FILE.json}); false when it is a folder. */
    public boolean exportsSingleFile() {
        return this == COCO;
    }

    FormatCodec codec() {
        return codec;
    }

    /** The format with this CLI name (case-insensitive); the message lists the valid names. */
    public static AnnotationFormat fromId(String id) {
        for (AnnotationFormat format : values()) {
            if (format.id.equalsIgnoreCase(id.strip())) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format '" + id + "'; use one of " + ids());
    }

    /** "coco, yolo-seg, voc, labelme". */
    public static String ids() {
        return Arrays.stream(values()).map(AnnotationFormat::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
