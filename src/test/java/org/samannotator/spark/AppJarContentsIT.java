package org.samannotator.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * What `mvn package` built: the app's jar (the one the app image and installers are made of) has neither Spark
 * nor the Spark job; the job jar has the job, core and ONNX Runtime, and neither Spark nor JavaFX.
 */
class AppJarContentsIT {
    private static final Path TARGET = Path.of("target");

    @Test
    void theAppJarHasNoSparkAndNoSparkJob() throws IOException {
        List<String> names = entries("sam-annotator.jar");
        assertTrue(names.contains("org/samannotator/Main.class"));
        assertEquals(List.of(), names.stream().filter(n -> n.startsWith("org/apache/spark/")
                || n.startsWith("org/samannotator/spark/") || n.startsWith("scala/")
                || n.startsWith("org/apache/hadoop/")).limit(5).toList());
    }

    @Test
    void theJobJarHasTheJobCoreAndOnnxRuntimeButNoSparkNorJavaFx() throws IOException {
        List<String> names = entries("sam-annotator-spark-job.jar");
        for (String needed : List.of("org/samannotator/spark/SparkAutoJob.class",
                "org/samannotator/core/auto/AutoImagePass.class", "ai/onnxruntime/OrtSession.class",
                "models/manifest.json")) {
            assertTrue(names.contains(needed), needed);
        }
        assertEquals(List.of(), names.stream().filter(n -> n.startsWith("org/apache/spark/") || n.startsWith("javafx/")
                || n.startsWith("org/samannotator/gui/") || n.startsWith("scala/")).limit(5).toList());
        try (JarFile jar = new JarFile(TARGET.resolve("sam-annotator-spark-job.jar").toFile())) {
            assertEquals(SparkAutoJob.class.getName(), jar.getManifest().getMainAttributes().getValue("Main-Class"));
        }
    }

    private static List<String> entries(String jarName) throws IOException {
        try (JarFile jar = new JarFile(TARGET.resolve(jarName).toFile())) {
            return jar.stream().map(ZipEntry::getName).toList();
        }
    }
}
