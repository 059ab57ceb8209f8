package io.gridchain.capacity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** capacity-registry is pure logic on chain-core: no sibling module, no IO, no framework. */
class LayeringTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.gridchain.capacity");

    @Test
    void dependsOnChainCoreOnly() {
        noClasses().that().resideInAPackage("io.gridchain.capacity..")
                .should().dependOnClassesThat().resideInAnyPackage("io.gridchain.node..", "io.gridchain.identity..",
                        "io.gridchain.consensus..", "io.gridchain.p2p..", "io.gridchain.wallet..",
                        "io.gridchain.genesis..")
                .check(classes);
    }

    @Test
    void doesNoIoAndUsesNoFramework() {
        noClasses().that().resideInAPackage("io.gridchain.capacity..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.net..", "java.nio.file..",
                        "java.nio.channels..", "io.javalin..", "org.iq80..", "com.fasterxml..", "io.netty..")
                .check(classes);
    }
}
