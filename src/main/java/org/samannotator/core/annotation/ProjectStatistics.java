package org.samannotator.core.annotation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folder statistics as the SAM data engine reported them: images by status, objects per annotated image,
 * the median seconds spent per object (first prompt to accept), object counts per category name, and per
 * origin (manual, suggested, suggested then edited) the number of objects and their median seconds: what
 * the assisted stage buys over manual annotation.
 */
public record ProjectStatistics(int images, int annotatedImages, int doneImages, int objects,
        double objectsPerAnnotatedImage, double medianSecondsPerObject, Map<String, Integer> objectsPerCategory,
        Map<ObjectOrigin, OriginFigures> byOrigin, int suggestionsLeft) {

    /** Objects of one origin: how many, per annotated image, and their median seconds (NaN when none). */
    public record OriginFigures(int objects, double perAnnotatedImage, double medianSeconds) {
    }

    /** Statistics of {@code project} over the folder's {@code imageFiles}. */
    public static ProjectStatistics of(AnnotationProject project, List<String> imageFiles) {
        int annotated = 0;
        int done = 0;
        int suggestions = 0;
        List<Double> seconds = new ArrayList<>();
        Map<ObjectOrigin, List<Double>> secondsByOrigin = new EnumMap<>(ObjectOrigin.class);
        Map<String, Integer> perCategory = new LinkedHashMap<>();
        project.categories().forEach(c -> perCategory.put(c.name(), 0));
        for (String file : imageFiles) {
            ImageAnnotations image = project.image(file);
            annotated += image.objects().isEmpty() ? 0 : 1;
            done += image.status() == ImageStatus.DONE ? 1 : 0;
            suggestions += image.suggestions().size();
            for (AnnotatedObject o : image.objects()) {
                seconds.add(o.secondsSpent());
                secondsByOrigin.computeIfAbsent(o.origin(), k -> new ArrayList<>()).add(o.secondsSpent());
                String name = project.category(o.categoryId()).map(Category::name).orElse("(none)");
                perCategory.merge(name, 1, Integer::sum);
            }
        }
        Map<ObjectOrigin, OriginFigures> byOrigin = new EnumMap<>(ObjectOrigin.class);
        for (ObjectOrigin origin : ObjectOrigin.values()) {
            List<Double> values = secondsByOrigin.getOrDefault(origin, List.of());
            byOrigin.put(origin, new OriginFigures(values.size(), annotated == 0 ? 0 : (double) values.size() / annotated,
                    median(values)));
        }
        return new ProjectStatistics(imageFiles.size(), annotated, done, seconds.size(),
                annotated == 0 ? 0 : (double) seconds.size() / annotated, median(seconds), perCategory, byOrigin,
                suggestions);
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
        line(text, "Median seconds per object", seconds(medianSecondsPerObject));
        line(text, "Suggestions not reviewed", String.valueOf(suggestionsLeft));
        text.append("By origin (objects, per annotated image, median seconds per object):\n");
        byOrigin.forEach((origin, f) -> line(text, "  " + origin.fileName().replace('_', ' '),
                String.format("%d, %.1f, %s", f.objects(), f.perAnnotatedImage(), seconds(f.medianSeconds()))));
        text.append("Objects per category:\n");
        objectsPerCategory.forEach((name, count) -> line(text, "  " + name, String.valueOf(count)));
        return text.toString();
    }

    private static String seconds(double value) {
        return Double.isNaN(value) ? "-" : String.format("%.1f", value);
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format("%-29s %s%n", label + ":", value));
    }
}
