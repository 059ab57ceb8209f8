package io.gridchain.identity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** identity-registry is pure logic over chain-core: no node, no HTTP framework, no storage engine. */
class LayeringTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.gridchain.identity");

    @Test
    void dependsOnNothingAboveChainCore() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.gridchain.node..", "io.gridchain.chainnode..",
                "io.gridchain.capacity..", "io.gridchain.consensus..", "io.gridchain.p2p..", "io.gridchain.wallet..",
                "io.gridchain.genesis..", "io.javalin..", "org.iq80.leveldb..", "io.netty..", "java.net.http..",
                "java.nio.file..").check(classes);
    }

    @Test
    void theLedgerDoesNotKnowTheVerificationServices() {
        noClasses().that().resideInAnyPackage("io.gridchain.identity.model..", "io.gridchain.identity.tx..")
                .should().dependOnClassesThat().resideInAnyPackage("io.gridchain.identity.auth..", "com.nimbusds..")
                .check(classes);
    }
}
