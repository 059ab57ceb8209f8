package io.gridchain.wallet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** wallet → chain-core and light-client only: it talks to a node over HTTP, never through the node's or a registry's classes. */
class WalletBoundariesTest {
    @Test
    void walletKnowsNoSiblingButChainCore() {
        JavaClasses wallet = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.gridchain.wallet");

        classes().that().resideInAPackage("io.gridchain.wallet..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "javax.crypto..", "io.gridchain.wallet..", "io.gridchain.core..", "io.gridchain.lightclient..",
                        "com.fasterxml.jackson..", "org.bouncycastle..", "org.web3j..")
                .check(wallet);
    }
}
