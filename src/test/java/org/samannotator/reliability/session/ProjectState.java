package org.samannotator.reliability.session;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.samannotator.core.annotation.AnnotatedObject;
import org.samannotator.core.annotation.ImageAnnotations;
import org.samannotator.core.annotation.ProjectData;

/**
 * The saved content of a project in one comparable line: per image, its objects as {@code id/category/area}
 * (sorted), e.g. {@code img1.png=3/1/20441,4/1/9800;img2.png=}. Two projects with the same line hold the
 * same objects with the same masks' areas.
 */
public record ProjectState(String exact, Map<String, Integer> counts) {

    public static ProjectState of(ProjectData data) {
        Map<String, String> byImage = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (ImageAnnotations image : data.images()) {
            if (image.objects().isEmpty()) {
                continue;
            }
            byImage.put(image.fileName(), image.objects().stream().map(ProjectState::describe).sorted()
                    .collect(Collectors.joining(",")));
            counts.put(image.fileName(), image.objects().size());
        }
        String exact = byImage.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
        return new ProjectState(exact, counts);
    }

    private static String describe(AnnotatedObject o) {
        return o.id() + "/" + o.categoryId() + "/" + o.mask().area();
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The counts as one token, {@code img1.png:3,img2.png:1} ({@code -} when empty). */
    public static String countsToken(Map<String, Integer> counts) {
        String token = new TreeMap<>(counts).entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
        return token.isEmpty() ? "-" : token;
    }

    public static Map<String, Integer> parseCounts(String token) {
        Map<String, Integer> counts = new TreeMap<>();
        if (!token.equals("-")) {
            for (String part : token.split(",")) {
                int colon = part.lastIndexOf(':');
                counts.put(part.substring(0, colon), Integer.parseInt(part.substring(colon + 1)));
            }
        }
        return counts;
    }
}
