package io.gridchain.p2p;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** p2p knows nothing of the chain; its root interfaces and the in-memory twin know no Netty. */
class DependencyRulesTest {
  static final JavaClasses P2P = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.gridchain.p2p");

  @Test
  void p2pImportsNoOtherGridchainModule() {
    noClasses().should().dependOnClassesThat(
            com.tngtech.archunit.base.DescribedPredicate.describe("are in another io.gridchain module",
                c -> c.getPackageName().startsWith("io.gridchain") && !c.getPackageName().startsWith("io.gridchain.p2p")))
        .check(P2P);
  }

  @Test
  void rootInterfacesAndTheInMemoryNetworkAreFreeOfNetty() {
    noClasses().that().resideInAnyPackage("io.gridchain.p2p", "io.gridchain.p2p.memory")
        .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "io.gridchain.p2p.host..", "io.gridchain.p2p.yamux..")
        .check(P2P);
  }
}
