package org.samannotator.core.formats;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.samannotator.core.coco.CocoAnnotation;
import org.samannotator.core.coco.CocoCategory;
import org.samannotator.core.coco.CocoDataset;
import org.samannotator.core.coco.CocoImage;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;

/**
 * Pascal VOC segmentation. Per image with objects: {@code SegmentationClass/<stem>.png} (palette PNG, pixel =
 * class index, 0 = background, class i + 1 = the project's i-th category), {@code SegmentationObject/<stem>.png}
 * (pixel = instance index 1..254 in object order) and {@code Annotations/<stem>.xml}; plus
 * {@code ImageSets/Segmentation/trainval.txt} (the stems) and {@code labelmap.txt} (name:r,g,b per class, as
 * CVAT writes it). A pixel holds one object: where objects overlap, the later one wins. No void (255) border
 * is drawn. Images are copied to {@code JPEGImages/} (unchanged, whatever their type) only when asked.
 */
final class VocCodec implements FormatCodec {
    static final String CLASS_DIR = "SegmentationClass";
    static final String OBJECT_DIR = "SegmentationObject";
    static final String ANNOTATIONS_DIR = "Annotations";
    private static final int MAX_INDEX = VocPalette.VOID - 1;

    @Override
    public int write(CocoDataset dataset, Path imageFolder, Path out, ExportOptions options) throws IOException {
        ExportFiles.requireUniqueStems(dataset, "VOC");
        if (dataset.categories().size() > MAX_INDEX) {
            throw new IOException("VOC class masks hold at most " + MAX_INDEX + " classes; the project has "
                    + dataset.categories().size());
        }
        Map<Long, Integer> positions = ExportFiles.categoryPositions(dataset);
        StringBuilder stems = new StringBuilder();
        int files = 0;
        for (CocoImage image : dataset.images()) {
            List<CocoAnnotation> annotations = dataset.annotationsOf(image.id());
            if (annotations.isEmpty()) {
                continue;
            }
            writeImage(dataset, image, annotations, positions, out);
            files += 3;
            stems.append(FolderImages.stem(image.fileName())).append('\n');
            if (options.copyImages()) {
                ExportFiles.copyImage(imageFolder, image.fileName(), out.resolve("JPEGImages"));
                files++;
            }
        }
        ExportFiles.writeText(out.resolve("ImageSets").resolve("Segmentation").resolve("trainval.txt"),
                stems.toString());
        ExportFiles.writeText(out.resolve("labelmap.txt"), labelMap(dataset.categories()));
        return files + 2;
    }

    private static void writeImage(CocoDataset dataset, CocoImage image, List<CocoAnnotation> annotations,
            Map<Long, Integer> positions, Path out) throws IOException {
        if (annotations.size() > MAX_INDEX) {
            throw new IOException("VOC object masks hold at most " + MAX_INDEX + " objects per image; "
                    + image.fileName() + " has " + annotations.size());
        }
        int width = image.width();
        byte[] classes = new byte[width * image.height()];
        byte[] objects = new byte[classes.length];
        List<VocXml.VocObject> xmlObjects = new ArrayList<>();
        for (int i = 0; i < annotations.size(); i++) {
            CocoAnnotation annotation = annotations.get(i);
            BitMask mask = annotation.toMask(image.size());
            byte classIndex = (byte) (positions.get(annotation.categoryId()) + 1);
            byte objectIndex = (byte) (i + 1);
            mask.boundingBox().ifPresent(box -> {
                for (int y = box.y(); y < box.y() + box.height(); y++) {
                    for (int x = box.x(); x < box.x() + box.width(); x++) {
                        if (mask.get(x, y)) {
                            classes[y * width + x] = classIndex;
                            objects[y * width + x] = objectIndex;
                        }
                    }
                }
            });
            xmlObjects.add(new VocXml.VocObject(ExportFiles.categoryName(dataset, annotation),
                    mask.boundingBox().orElseThrow(), annotation.origin()));
        }
        String stem = FolderImages.stem(image.fileName());
        VocPalette.writeIndexedPng(out.resolve(CLASS_DIR).resolve(stem + ".png"), classes, width, image.height());
        VocPalette.writeIndexedPng(out.resolve(OBJECT_DIR).resolve(stem + ".png"), objects, width, image.height());
        VocXml.write(out.resolve(ANNOTATIONS_DIR).resolve(stem + ".xml"), image.fileName(), image.size(), xmlObjects);
    }

    private static String labelMap(List<CocoCategory> categories) {
        StringBuilder text = new StringBuilder("# label:color_rgb:parts:actions\nbackground:0,0,0::\n");
        for (int i = 0; i < categories.size(); i++) {
            int rgb = VocPalette.rgb(i + 1);
            text.append(categories.get(i).name().replace(':', '_')).append(':').append(rgb >> 16).append(',')
                    .append((rgb >> 8) & 0xFF).append(',').append(rgb & 0xFF).append("::\n");
        }
        return text.toString();
    }

    @Override
    public CocoDataset read(Path source, Path imageFolder, List<String> imageFiles, List<String> warnings)
            throws IOException {
        Path objectDir = source.resolve(OBJECT_DIR);
        if (!Files.isDirectory(objectDir)) {
            throw new FormatFileException(objectDir, "", "missing: a VOC segmentation folder has SegmentationObject/ "
                    + "(instance masks) and Annotations/ (their class names)");
        }
        FolderImages images = new FolderImages(imageFolder, imageFiles);
        DatasetBuilder builder = new DatasetBuilder();
        for (Path png : pngFiles(objectDir)) {
            String stem = FolderImages.stem(png.getFileName().toString());
            Optional<String> image = images.byStem(stem, png);
            if (image.isEmpty()) {
                warnings.add(png + ": no image named " + stem + ".* in " + imageFolder + "; skipped");
                continue;
            }
            Size size = images.size(image.get());
            List<String> names = VocXml.readObjectNames(source.resolve(ANNOTATIONS_DIR).resolve(stem + ".xml"));
            List<BitMask> instances = readInstances(png, size, names.size());
            long imageId = builder.image(image.get(), size);
            for (int i = 0; i < instances.size(); i++) {
                builder.add(imageId, builder.category(names.get(i)), instances.get(i));
            }
        }
        return builder.build();
    }

    private static List<Path> pngFiles(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png"))
                    .sorted().toList();
        }
    }

    /** Instance masks 1..objectCount of a SegmentationObject PNG (index 0 and 255 belong to no object). */
    private static List<BitMask> readInstances(Path png, Size size, int objectCount) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        if (image == null) {
            throw new FormatFileException(png, "", "not a readable PNG");
        }
        if (image.getWidth() != size.width() || image.getHeight() != size.height()) {
            throw new FormatFileException(png, "", "is " + image.getWidth() + "x" + image.getHeight()
                    + " but its image is " + size.width() + "x" + size.height());
        }
        List<BitMask> masks = new ArrayList<>();
        for (int i = 0; i < objectCount; i++) {
            masks.add(new BitMask(size));
        }
        boolean indexed = image.getColorModel() instanceof IndexColorModel
                || image.getRaster().getNumBands() == 1;
        Raster raster = image.getRaster();
        for (int y = 0; y < size.height(); y++) {
            for (int x = 0; x < size.width(); x++) {
                int index = indexed ? raster.getSample(x, y, 0) : VocPalette.indexOf(image.getRGB(x, y));
                if (index < 0) {
                    throw new FormatFileException(png, "pixel (" + x + ", " + y + ")", "colour #"
                            + String.format("%06x", image.getRGB(x, y) & 0xFFFFFF) + " is not a VOC palette colour");
                }
                if (index == 0 || index == VocPalette.VOID) {
                    continue;
                }
                if (index > objectCount) {
                    throw new FormatFileException(png, "pixel (" + x + ", " + y + ")", "object " + index
                            + " but Annotations/" + FolderImages.stem(png.getFileName().toString()) + ".xml lists "
                            + objectCount + " object(s)");
                }
                masks.get(index - 1).set(x, y);
            }
        }
        return masks;
    }
}
