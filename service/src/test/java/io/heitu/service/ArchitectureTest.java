package io.heitu.service;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service's shape, checked on its compiled classes: features depend on each other without
 * cycles, the service never touches the chaincode's classes (only transaction names and JSON), and
 * only the embedded adapter needs the embedded ledger, so a build without it runs on Fabric.
 */
class ArchitectureTest {

    private static JavaClasses service;

    @BeforeAll
    static void importService() {
        service = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.heitu.service");
    }

    @Test
    void feature_packages_have_no_cycles() {
        slices().matching("io.heitu.service.(*)..").should().beFreeOfCycles().check(service);
    }

    @Test
    void packages_have_no_cycles_within_a_feature_either() {
        slices().matching("io.heitu.service.(**)").should().beFreeOfCycles().check(service);
    }

    @Test
    void the_service_never_imports_chaincode_classes() {
        noClasses()
                .that()
                .resideInAPackage("io.heitu.service..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.heitu.chaincode..")
                .because("the service reaches the chaincode through transaction names and JSON only")
                .check(service);
    }

    @Test
    void only_the_embedded_adapter_needs_the_embedded_ledger() {
        noClasses()
                .that()
                .resideInAPackage("io.heitu.service..")
                .and()
                .resideOutsideOfPackage("io.heitu.service.ledger.embedded..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.heitu.ledger..", "org.rocksdb..")
                .because("Fabric mode runs without the embedded ledger on the class path (-Dfabric-only)")
                .check(service);
    }

    @Test
    void only_the_typed_ledger_wrapper_and_the_adapters_use_the_ledger_port() {
        noClasses()
                .that()
                .resideInAPackage("io.heitu.service..")
                .and()
                .resideOutsideOfPackage("io.heitu.service.ledger..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("io.heitu.service.ledger.Committed")
                .because("features get the chaincode's answers decoded, as TraceLedger's records")
                .check(service);
    }
}
