package org.samannotator.core.annotation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folder statistics as the SAM stage-1 engine reported them: images by status, objects per annotated image,
 * the median seconds spent per object (first prompt to accept) and object counts per category name.
 */
public record ProjectStatistics(int images, int annotatedImages, int doneImages, int objects,
        double objectsPerAnnotatedImage, double medianSecondsPerObject, Map<String, Integer> objectsPerCategory) {

    /** Statistics of {@code project} over the folder's {@code imageFiles}. */
    public static ProjectStatistics of(AnnotationProject project, List<String> imageFiles) {
        int annotated = 0;
        int done = 0;
        List<Double> seconds = new ArrayList<>();
        Map<String, Integer> perCategory = new LinkedHashMap<>();
        project.categories().forEach(c -> perCategory.put(c.name(), 0));
        for (String file : imageFiles) {
            ImageAnnotations image = project.image(file);
            annotated += image.objects().isEmpty() ? 0 : 1;
            done += image.status() == ImageStatus.DONE ? 1 : 0;
            for (AnnotatedObject o : image.objects()) {
                seconds.add(o.secondsSpent());
                String name = project.category(o.categoryId()).map(Category::name).orElse("(none)");
                perCategory.merge(name, 1, Integer::sum);
            }
        }
        return new ProjectStatistics(imageFiles.size(), annotated, done, seconds.size(),
                annotated == 0 ? 0 : (double) seconds.size() / annotated, median(seconds), perCategory);
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** A few aligned lines for the statistics dialog. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        line(text, "Images", String.format("%d (%d annotated, %d done)", images, annotatedImages, doneImages));
        line(text, "Objects", String.valueOf(objects));
        line(text, "Objects per annotated image", String.format("%.1f", objectsPerAnnotatedImage));
        line(text, "Median seconds per object",
                Double.isNaN(medianSecondsPerObject) ? "-" : String.format("%.1f", medianSecondsPerObject));
        text.append("Objects per category:\n");
        objectsPerCategory.forEach((name, count) -> line(text, "  " + name, String.valueOf(count)));
        return text.toString();
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format("%-29s %s%n", label + ":", value));
    }
}
