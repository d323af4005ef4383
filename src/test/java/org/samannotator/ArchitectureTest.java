package org.samannotator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Layering: gui and cli -> core; core knows no JavaFX; ONNX Runtime only inside core.sam; no package cycles;
 * the annotation model knows no decoder; gui features meet only through the session.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // our classes are in target/classes; scanning every jar of the classpath (Spark's, provided) for the
                // package took minutes
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.samannotator");
    }

    @Test
    void coreDoesNotUseJavaFx() {
        noClasses().that().resideInAPackage("org.samannotator.core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..")
                .check(classes);
    }

    @Test
    void coreDoesNotDependOnOuterLayers() {
        noClasses().that().resideInAPackage("org.samannotator.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.samannotator.gui..", "org.samannotator.cli..")
                .check(classes);
    }

    @Test
    void coreLogsThroughSlf4jOnly() {
        noClasses().that().resideInAPackage("org.samannotator.core..")
                .should().dependOnClassesThat().resideInAPackage("ch.qos.logback..")
                .check(classes);
    }

    @Test
    void onlyTheLoggingSetupTouchesLogback() {
        noClasses().that().resideOutsideOfPackage("org.samannotator.logging..")
                .should().dependOnClassesThat().resideInAPackage("ch.qos.logback..")
                .check(classes);
    }

    @Test
    void coreAndCliDoNotWriteToTheStandardStreams() {
        // core logs through SLF4J; commands print through picocli's writers (testable, and stdout stays clean)
        noClasses().that().resideInAnyPackage("org.samannotator.core..", "org.samannotator.cli..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .check(classes);
    }

    @Test
    void onnxRuntimeOnlyInsideSamPackage() {
        noClasses().that().resideOutsideOfPackage("org.samannotator.core.sam..")
                .should().dependOnClassesThat().resideInAPackage("ai.onnxruntime..")
                .check(classes);
    }

    @Test
    void guiViewModelsDoNotTouchNodes() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void cliDoesNotUseGuiInternals() {
        noClasses().that().resideInAPackage("org.samannotator.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.samannotator.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void annotationModelKnowsNoDecoder() {
        noClasses().that().resideInAPackage("org.samannotator.core.annotation..")
                .should().dependOnClassesThat().resideInAPackage("org.samannotator.core.sam..")
                .check(classes);
    }

    @Test
    void sessionTalksToTheModelOnlyThroughTheSegmenter() {
        noClasses().that().resideInAPackage("org.samannotator.core.session..")
                .should().dependOnClassesThat().resideInAPackage("org.samannotator.core.sam..")
                .check(classes);
    }

    @Test
    void guiFeaturesMeetOnlyThroughTheSession() {
        slices().matching("org.samannotator.gui.(canvas|categories|folder|objects|status|settings)..")
                .should().notDependOnEachOther()
                .check(classes);
        noClasses().that().resideInAnyPackage("org.samannotator.gui.canvas..", "org.samannotator.gui.categories..",
                        "org.samannotator.gui.folder..", "org.samannotator.gui.objects..", "org.samannotator.gui.status..",
                        "org.samannotator.gui.tools..", "org.samannotator.gui.settings..")
                .should().dependOnClassesThat().resideInAnyPackage("org.samannotator.gui.main..",
                        "org.samannotator.gui.bench..")
                .check(classes);
    }

    @Test
    void cliUsesOnlyTheAppLauncherAndTheUiBenchmarkOfTheGui() {
        noClasses().that().resideInAPackage("org.samannotator.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.samannotator.gui.canvas..",
                        "org.samannotator.gui.categories..", "org.samannotator.gui.folder..",
                        "org.samannotator.gui.objects..", "org.samannotator.gui.status..", "org.samannotator.gui.tools..",
                        "org.samannotator.gui.main..", "org.samannotator.gui.concurrent..")
                .check(classes);
    }

    @Test
    void sparkStaysOutOfTheApp() {
        // Spark is a provided dependency of the job only: the app, the CLI and core never touch it nor the job,
        // so the app jar (which excludes org/samannotator/spark/**, AppJarContentsIT) starts without it
        noClasses().that().resideOutsideOfPackage("org.samannotator.spark..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "org.apache.hadoop..",
                        "scala..", "org.samannotator.spark..")
                .check(classes);
        noClasses().that().resideInAPackage("org.samannotator.spark..")
                .should().dependOnClassesThat().resideInAnyPackage("org.samannotator.gui..", "javafx..",
                        "ai.onnxruntime..", "ch.qos.logback..")
                .check(classes);
    }
}
