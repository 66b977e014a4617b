package org.neurotile.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurotile.app.Main;
import org.neurotile.sim.InvalidInputException;

/** The Spark engine sits above the application: the application finds it by name and never depends on it. */
class SparkModuleDirectionTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importLocations(modules());

    /**
     * The reactor's modules, as class directories (mvn test) or jars (mvn verify), not the hundred
     * jars of Spark beside them.
     */
    private static List<Location> modules() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains(File.separator + "target" + File.separator)
                        && !entry.endsWith("test-classes"))
                .map(entry -> entry.endsWith(".jar")
                        ? Location.of(URI.create("jar:" + Path.of(entry).toUri() + "!/"))
                        : Location.of(Path.of(entry)))
                .toList();
    }

    @Test
    void theCheckedClassesHoldTheApplicationAndTheEngine() {
        assertTrue(MAIN.contain(Main.class) && MAIN.contain(SparkEngine.class) && MAIN.contain(InvalidInputException.class),
                "the rules see " + MAIN.size() + " classes");
    }

    @Test
    void noModuleBelowDependsOnTheSparkEngine() {
        noClasses().that().resideOutsideOfPackage("org.neurotile.spark..")
                .should().dependOnClassesThat().resideInAPackage("org.neurotile.spark..")
                .because("the application finds the Spark engine on the class path, by name").check(MAIN);
    }

    @Test
    void onlyTheSparkEngineDependsOnSpark() {
        noClasses().that().resideOutsideOfPackage("org.neurotile.spark..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
                .because("Spark is on the class path only with the spark module").check(MAIN);
    }

    @Test
    void noPackageCycleWithTheSparkEngine() {
        slices().matching("org.neurotile.(**)").should().beFreeOfCycles().check(MAIN);
    }
}
