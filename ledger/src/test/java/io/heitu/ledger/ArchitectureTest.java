package io.heitu.ledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded ledger's packages, one concern each, depend only downwards (blocks ← state ← store
 * ← proposal, commit, verify ← the {@code EmbeddedLedger} entry point), and nothing in the
 * simulator needs the durable ledger.
 */
class ArchitectureTest {

    private static JavaClasses ledger;

    @BeforeAll
    static void importLedger() {
        ledger = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.heitu.ledger");
    }

    @Test
    void packages_have_no_cycles() {
        slices().matching("io.heitu.ledger.(**)").should().beFreeOfCycles().check(ledger);
    }

    @Test
    void concerns_do_not_reach_back_to_the_entry_point() {
        noClasses()
                .that()
                .resideInAPackage("io.heitu.ledger.embedded.*..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.heitu.ledger.embedded")
                .check(ledger);
    }

    @Test
    void the_simulator_does_not_need_the_durable_ledger() {
        noClasses()
                .that()
                .resideInAPackage("io.heitu.ledger.sim..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.heitu.ledger.embedded..", "org.rocksdb..")
                .check(ledger);
    }
}
