package io.gridchain.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridchain.capacity.CapacityParams;
import io.gridchain.capacity.CapacityTransactions;
import io.gridchain.capacity.Prices;
import io.gridchain.capacity.Resources;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.governance.Governance;
import io.gridchain.core.governance.GovernanceAction;
import io.gridchain.core.params.ChainParams;
import io.gridchain.core.validator.ValidatorSet;
import io.gridchain.genesis.GenesisDocument;
import io.gridchain.genesis.GenesisState;
import io.gridchain.identity.TransactionBuilders;
import io.gridchain.identity.model.Metadata;
import io.gridchain.lightclient.LightBlockProvider;
import io.gridchain.lightclient.LightClient;
import io.gridchain.lightclient.TrustOptions;
import io.gridchain.lightclient.TrustedBlock;
import io.gridchain.node.testing.RunningNode;
import io.gridchain.node.testing.TestChain;
import io.gridchain.wallet.LeaseProofVerifier;
import io.gridchain.wallet.NodeClient;
import io.gridchain.wallet.NodeLightBlocks;
import io.gridchain.wallet.NodeViews;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lease proof from after governance changed the validator set twice, on a real node over its API: the
 * genesis set alone no longer checks it, the light client from the genesis does (the library and
 * {@code gridchain lease verify --genesis}), and {@code /v1/light/{height}} serves past heights' sets.
 */
class LeaseProofAcrossValidatorChangesTest {
    @TempDir
    Path dir;

    @Test
    void aProofAfterValidatorChangesIsCheckedFromTheGenesis() throws Exception {
        TestChain chain = new TestChain(2, ChainParams.DEFAULTS, d -> d.withIdentity(GenesisDocument.IdentitySection.DEV)
                .withCapacity(new CapacityParams(new Prices(0, 0, 0, 0), new Prices(1_000_000_000L, 1_000_000_000L,
                        1_000_000_000L, 1_000_000_000L), 2, 2, Optional.empty())));
        try (RunningNode n = new RunningNode(chain, dir.resolve("node"), Duration.ofMillis(50))) {
            SigningKey farmer = chain.accounts.get(0);
            SigningKey tenant = chain.accounts.get(1);
            SigningKey gridNode = SigningKey.random(new SecureRandom());
            // two changes; the node's validator keeps more than two thirds so the chain goes on
            long firstChange = govern(n, 0, List.of(update(SigningKey.random(new SecureRandom()), 4)));
            long secondChange = govern(n, 1, List.of(update(chain.validator, 30), update(SigningKey.random(new SecureRandom()), 5)));
            n.commit(farmer, TransactionBuilders.register("farmer", Metadata.EMPTY));
            n.commit(tenant, TransactionBuilders.register("tenant", Metadata.EMPTY));
            JsonNode farm = n.commit(farmer, CapacityTransactions.createFarm("farm", "farmer", farmer.address()));
            long farmId = Long.parseLong(attributes(farm, "farm.created").get("farm").asText());
            n.commit(farmer, CapacityTransactions.registerNode(gridNode, TestChain.CHAIN_ID, farmId, new Resources(8, 32, 1000, 0), "ghent",
                    new Prices(3_600_000, 360_000, 3_600, 0)));
            JsonNode created = n.commit(tenant, CapacityTransactions.createLease(gridNode.address(), "tenant",
                    new Resources(1, 1, 0, 0), 0, 3_600_000L * 2));
            long leaseId = Long.parseLong(attributes(created, "lease.created").get("lease").asText());

            NodeClient client = NodeClient.create(URI.create(n.base() + "/"));
            NodeViews.LeaseProof proof = client.leaseProof(leaseId);
            GenesisState genesis = GenesisState.build(chain.document);
            ValidatorSet genesisSet = genesis.validatorSet();
            LeaseProofVerifier.Result withGenesisSetOnly = LeaseProofVerifier.verify(proof, TestChain.CHAIN_ID, genesisSet);
            assertThat(withGenesisSetOnly).isEqualTo(new LeaseProofVerifier.Result.Invalid(
                    "the header names another validator set than the one given"));

            TrustedBlock root = TrustedBlock.genesis(genesis.header(), genesisSet);
            LightBlockProvider node = new NodeLightBlocks(client);
            // the test genesis is from 2026-11-22: a one-day trust period refuses it as a root, as it should
            LightClient dayLong = new LightClient(TrustOptions.of(Duration.ofDays(1)), node, List.of());
            assertThat(LeaseProofVerifier.verify(proof, dayLong, root, Instant.now())).asString()
                    .contains("the trusted block 0 is from 2026-11-22T00:00:00Z, older than the trust period PT24H");
            LightClient light = new LightClient(TrustOptions.of(TrustOptions.FOREVER), node, List.of(new NodeLightBlocks(client)));
            LeaseProofVerifier.Result result = LeaseProofVerifier.verify(proof, light, root, Instant.now());
            assertThat(result).isInstanceOf(LeaseProofVerifier.Result.Valid.class);
            LeaseProofVerifier.Result.Valid ok = (LeaseProofVerifier.Result.Valid) result;
            assertThat(ok.height()).isEqualTo(proof.height());
            assertThat(ok.totalPower()).isEqualTo(39);
            assertThat(ok.headersFetched()).containsExactly(proof.height()); // the node's validator signs every block
            assertThat(ok.faultyWitnesses()).isEmpty();
            assertThat(n.node.ledger().store().validatorSet(genesisSet.hash())).contains(genesisSet);

            // adjacent steps across both changes use the next-set proofs the node serves for past heights
            for (long change : new long[] {firstChange, secondChange}) {
                LightClient.Outcome.Verified before = (LightClient.Outcome.Verified) light.verifyTo(root, change - 1, Instant.now());
                LightClient.Outcome step = light.verifyTo(before.block(), change, Instant.now());
                assertThat(step).as("height %d from %d", change, change - 1).isInstanceOf(LightClient.Outcome.Verified.class);
                assertThat(((LightClient.Outcome.Verified) step).block().validators())
                        .isNotEqualTo(before.block().validators());
            }
            assertThat(node.lightBlock(proof.height() + 1000)).asString() // the head moves on meanwhile
                    .startsWith("Unavailable[reason=HTTP 404: no block at height " + (proof.height() + 1000) + "; the head is ");

            Path genesisFile = dir.resolve("genesis.json");
            chain.document.write(genesisFile);
            CliRun cli = CliRun.run("lease", "verify", "--grid-node", gridNode.address().toString(), "--tenant", "tenant",
                    "--cru", "1", "--genesis", genesisFile.toString(), "--witness", n.base(), "--node", n.base());
            assertThat(cli.exit()).as(cli.err()).isZero();
            assertThat(cli.out()).contains("proof ok: lease " + leaseId + " of 'tenant'", "of the validators' power")
                    .containsPattern("block \\d+ verified from the genesis with 1 header\\(s\\) \\[\\d+\\], confirmed by 1 of 1 witness\\(es\\)")
                    .doesNotContain("witness ignored");

            CliRun unreachable = CliRun.run("lease", "verify", "--grid-node", gridNode.address().toString(), "--tenant", "tenant",
                    "--cru", "1", "--genesis", genesisFile.toString(), "--witness", "http://127.0.0.1:1", "--node", n.base());
            assertThat(unreachable.exit()).as(unreachable.err()).isZero();
            assertThat(unreachable.out()).contains("confirmed by 0 of 1 witness(es)",
                    "witness ignored: the node at http://127.0.0.1:1/: cannot reach the node at http://127.0.0.1:1/");
        }
    }

    private static GovernanceAction.ValidatorUpdate update(SigningKey key, long power) {
        return new GovernanceAction.ValidatorUpdate(key.address(), key.compressedPublicKey(), power);
    }

    /** Commits a validator change approved by the node's validator; the height it takes effect, once passed. */
    private static long govern(RunningNode n, long governanceNonce, List<GovernanceAction.ValidatorUpdate> updates) throws Exception {
        GovernanceAction action = new GovernanceAction.UpdateValidators(updates);
        Governance payload = new Governance(governanceNonce, action,
                List.of(Governance.approve(n.chain.validator, TestChain.CHAIN_ID, governanceNonce, action)));
        long included = n.commit(n.chain.accounts.get(0), payload).get("height").asLong();
        long effective = included + Governance.DELAY;
        while (n.node.ledger().head().height() < effective) {
            Thread.sleep(20);
        }
        return effective;
    }

    private static JsonNode attributes(JsonNode tx, String type) {
        for (JsonNode e : tx.get("receipt").get("events")) {
            if (e.get("type").asText().equals(type)) {
                return e.get("attributes");
            }
        }
        throw new AssertionError("no " + type + " event in " + tx);
    }
}
