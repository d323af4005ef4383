package org.samannotator.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDirectoryTest {
    private static final UnaryOperator<String> UNSET = name -> null;

    @TempDir
    Path root;

    private static UnaryOperator<String> only(String name, String value) {
        return Map.of(name, value)::get;
    }

    @Test
    void systemPropertyWinsOverEnvironmentAndJar() throws IOException {
        Path jar = Files.createDirectories(root.resolve("repo/target")).resolve("sam-annotator.jar");
        Files.createDirectories(root.resolve("repo/models"));
        ModelDirectory directory = ModelDirectory.resolve(only(ModelDirectory.PROPERTY, root + "/custom"),
                only(ModelDirectory.ENV_VARIABLE, root + "/env"), Optional.of(jar), root.resolve("cwd"));
        assertEquals(root.resolve("custom"), directory.path());
        assertTrue(directory.origin().contains(ModelDirectory.PROPERTY));
    }

    @Test
    void environmentVariableWinsOverJar() throws IOException {
        Path jar = Files.createDirectories(root.resolve("repo/target")).resolve("sam-annotator.jar");
        Files.createDirectories(root.resolve("repo/models"));
        ModelDirectory directory = ModelDirectory.resolve(UNSET, only(ModelDirectory.ENV_VARIABLE, root + "/env"),
                Optional.of(jar), root.resolve("cwd"));
        assertEquals(root.resolve("env"), directory.path());
    }

    @Test
    void jarInTargetUsesTheRepositoryModelsFolder() throws IOException {
        Path jar = Files.createDirectories(root.resolve("repo/target")).resolve("sam-annotator.jar");
        Files.createDirectories(root.resolve("repo/models"));
        ModelDirectory directory = ModelDirectory.resolve(UNSET, UNSET, Optional.of(jar), root.resolve("cwd"));
        assertEquals(root.resolve("repo/models"), directory.path());
    }

    @Test
    void appImageUsesTheModelsFolderBesideTheJar() throws IOException {
        Path jar = Files.createDirectories(root.resolve("SAM Annotator/lib/app")).resolve("sam-annotator.jar");
        Files.createDirectories(root.resolve("SAM Annotator/lib/app/models"));
        Files.createDirectories(root.resolve("SAM Annotator/lib/models"));
        ModelDirectory directory = ModelDirectory.resolve(UNSET, UNSET, Optional.of(jar), root.resolve("cwd"));
        assertEquals(root.resolve("SAM Annotator/lib/app/models"), directory.path());
    }

    @Test
    void classesFolderUsesTheRepositoryModelsFolder() throws IOException {
        Path classes = Files.createDirectories(root.resolve("repo/target/classes"));
        Files.createDirectories(root.resolve("repo/models"));
        ModelDirectory directory = ModelDirectory.resolve(UNSET, UNSET, Optional.of(classes), root.resolve("cwd"));
        assertEquals(root.resolve("repo/models"), directory.path());
    }

    @Test
    void workingDirectoryIsTheFallback() throws IOException {
        Path jar = Files.createDirectories(root.resolve("somewhere/bin")).resolve("sam-annotator.jar");
        ModelDirectory directory = ModelDirectory.resolve(UNSET, UNSET, Optional.of(jar), root.resolve("cwd"));
        assertEquals(root.resolve("cwd/models"), directory.path());
        assertEquals("working directory", directory.origin());
    }

    @Test
    void runningTestsFindsThisRepositorysModelsFolder() {
        Path expected = Path.of("models").toAbsolutePath().normalize();
        if (System.getProperty(ModelDirectory.PROPERTY) == null && System.getenv(ModelDirectory.ENV_VARIABLE) == null) {
            assertEquals(expected, ModelDirectory.locate().path());
        }
    }
}
