package io.gridchain.testnet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layer rules of ARCHITECTURE.md, checked on the compiled classes of every module. */
@AnalyzeClasses(packages = "io.gridchain", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] IO = {"java.io.File..", "java.nio.file..", "java.net..", "org.iq80..", "io.javalin..",
        "io.netty..", "org.eclipse.jetty..", "javax.servlet..", "jakarta.servlet.."};

    @ArchTest
    static final ArchRule chainCoreImportsNoSibling = noClasses().that().resideInAPackage("io.gridchain.core..")
            .should().dependOnClassesThat().resideInAnyPackage("io.gridchain.consensus..", "io.gridchain.p2p..",
                    "io.gridchain.genesis..", "io.gridchain.wallet..", "io.gridchain.node..", "io.gridchain.identity..",
                    "io.gridchain.capacity..", "io.gridchain.testnet..");

    @ArchTest
    static final ArchRule chainCoreDoesNoIo = noClasses().that().resideInAPackage("io.gridchain.core..")
            .should().dependOnClassesThat().resideInAnyPackage(IO)
            .orShould().dependOnClassesThat().belongToAnyOf(Thread.class, java.util.concurrent.ExecutorService.class);

    @ArchTest
    static final ArchRule consensusKnowsOnlyCoreAndTheJdk = classes().that().resideInAPackage("io.gridchain.consensus..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.gridchain.core..", "io.gridchain.consensus..", "java..");

    @ArchTest
    static final ArchRule consensusHasNoSocketsOrWallClock = noClasses().that().resideInAPackage("io.gridchain.consensus..")
            .should().dependOnClassesThat().resideInAnyPackage("java.net..")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime");

    /** A client library: wallet and grid agents use it, so it carries none of a validator's machinery. */
    @ArchTest
    static final ArchRule lightClientKnowsOnlyCoreAndTheJdk = classes().that().resideInAPackage("io.gridchain.lightclient..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.gridchain.core..", "io.gridchain.lightclient..", "java..")
            .andShould().onlyDependOnClassesThat().resideOutsideOfPackages("java.net..", "java.io..", "java.nio.file..");

    @ArchTest
    static final ArchRule p2pKnowsNothingOfTheChain = noClasses().that().resideInAPackage("io.gridchain.p2p..")
            .should().dependOnClassesThat().resideInAnyPackage("io.gridchain.core..", "io.gridchain.consensus..",
                    "io.gridchain.node..", "io.gridchain.identity..", "io.gridchain.capacity..", "io.gridchain.wallet..",
                    "io.gridchain.genesis..").allowEmptyShould(true);

    @ArchTest
    static final ArchRule registriesHaveNoHttpOrStorage = noClasses()
            .that().resideInAnyPackage("io.gridchain.identity..", "io.gridchain.capacity..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.iq80..", "io.netty..",
                    "io.gridchain.node..", "io.gridchain.p2p..", "io.gridchain.consensus..").allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyTheNodeAndTestnetUseTheNode = noClasses()
            .that().resideOutsideOfPackages("io.gridchain.node..", "io.gridchain.testnet..")
            .should().dependOnClassesThat().resideInAPackage("io.gridchain.node..");

    @ArchTest
    static final ArchRule levelDbStaysInOnePackage = noClasses()
            .that().resideOutsideOfPackage("io.gridchain.node.storage.leveldb..")
            .should().dependOnClassesThat().resideInAPackage("org.iq80..");

    @ArchTest
    static final ArchRule javalinStaysInTheApi = noClasses()
            .that().resideOutsideOfPackage("io.gridchain.node.api..")
            .should().dependOnClassesThat().resideInAPackage("io.javalin..");

    @ArchTest
    static final ArchRule walletAndGenesisDoNotKnowTheNode = noClasses()
            .that().resideInAnyPackage("io.gridchain.wallet..", "io.gridchain.genesis..")
            .should().dependOnClassesThat().resideInAnyPackage("io.gridchain.node..", "io.gridchain.consensus..",
                    "io.gridchain.p2p..");
}
