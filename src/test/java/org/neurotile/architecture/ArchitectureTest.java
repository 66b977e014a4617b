package org.neurotile.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The direction of the house (docs/extending.md, architecture.md): modules point down only, no two
 * packages depend on each other through any path, the chip asks rules and kernels and never the
 * reverse, and a rule family is reached only through the registry.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.neurotile"); // from class directories or the modules' jars (mvn verify)

    @Test
    void noPackageCycleAnywhere() {
        slices().matching("org.neurotile.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void modulesPointDownOnly() {
        String[] order = {"org.neurotile.sim..", "org.neurotile.noc..", "org.neurotile.workloads..",
            "org.neurotile.neuron..", "org.neurotile.reports..", "org.neurotile.app..",
            "org.neurotile.spark.."};
        for (int lower = 0; lower < order.length; lower++) {
            for (int upper = lower + 1; upper < order.length; upper++) {
                noClasses().that().resideInAPackage(order[lower])
                        .should().dependOnClassesThat().resideInAPackage(order[upper])
                        .because("modules depend only on the modules below them").check(MAIN);
            }
        }
    }

    @Test
    void onlyTheChipAndTrainingAskTheChip() {
        noClasses().that().resideInAnyPackage("org.neurotile.neuron.counts..", "org.neurotile.neuron.math..",
                "org.neurotile.neuron.optim..", "org.neurotile.neuron.layers..", "org.neurotile.neuron.plan..",
                "org.neurotile.neuron.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("org.neurotile.neuron.chip..",
                        "org.neurotile.neuron.train..")
                .because("the chip and the step engine ask kernels and rules, never the reverse").check(MAIN);
    }

    @Test
    void ruleFamiliesAreReachedThroughTheRegistryOnly() {
        noClasses().that().resideOutsideOfPackage("org.neurotile.neuron.rules.*..")
                .should().dependOnClassesThat().resideInAPackage("org.neurotile.neuron.rules.*..")
                .because("a rule is one package, found by name in the registry").check(MAIN);
    }
}
