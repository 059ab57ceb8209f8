package io.gridchain.genesis;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * genesis → chain-core and the two registries (whose parameters it writes), plus Jackson for the file
 * format: it never knows the wallet or the node.
 */
class GenesisBoundariesTest {
    @Test
    void genesisDependsOnlyOnChainCoreTheRegistriesAndJackson() {
        JavaClasses genesis = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.gridchain.genesis");

        classes().that().resideInAPackage("io.gridchain.genesis..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "io.gridchain.genesis..", "io.gridchain.core..", "io.gridchain.identity..",
                        "io.gridchain.capacity..",
                        "com.fasterxml.jackson..", "org.bouncycastle..", "org.web3j.crypto..")
                .check(genesis);
    }
}
