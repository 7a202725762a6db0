package org.attest.api;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of DESIGN.md, checked on the compiled classes of every module: dependencies point one way
 * (api → review → audit; api → redaction → serving), nothing cycles, and no module reaches into another module's
 * internals — only its base package is its API.
 */
class ModuleBoundariesTest {

    private static final JavaClasses ATTEST = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.attest");

    @Test
    void dependenciesPointOneWay() {
        ArchRule rule = layeredArchitecture()
                .consideringOnlyDependenciesInAnyPackage("org.attest..")
                .layer("api")
                .definedBy("org.attest.api..")
                .layer("review")
                .definedBy("org.attest.review..")
                .layer("audit")
                .definedBy("org.attest.audit..")
                .layer("redaction")
                .definedBy("org.attest.redaction..")
                .layer("serving")
                .definedBy("org.attest.serving..")
                .whereLayer("api")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("review")
                .mayOnlyBeAccessedByLayers("api")
                .whereLayer("audit")
                .mayOnlyBeAccessedByLayers("api", "review")
                .whereLayer("redaction")
                .mayOnlyBeAccessedByLayers("api")
                .whereLayer("serving")
                .mayOnlyBeAccessedByLayers("api", "redaction");
        rule.check(ATTEST);
    }

    @Test
    void modulesDoNotCycle() {
        slices().matching("org.attest.(*)..").should().beFreeOfCycles().check(ATTEST);
    }

    @Test
    void noModuleReachesIntoAnotherModulesInternals() {
        for (String module : new String[] {"serving", "redaction", "audit", "review"}) {
            ArchRuleDefinition.noClasses()
                    .that()
                    .resideOutsideOfPackage("org.attest." + module + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("org.attest." + module + ".*..")
                    .because("only org.attest." + module + " itself is the " + module + " module's API")
                    .check(ATTEST);
        }
    }

    @Test
    void testFixturesStayOutOfProductionCode() {
        ArchRuleDefinition.noClasses()
                .that()
                .resideOutsideOfPackage("org.attest.testing..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.attest.testing..")
                .check(ATTEST);
    }
}
