package io.gridchain.node.bft;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.account.Account;
import io.gridchain.core.account.Transfer;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.governance.Governance;
import io.gridchain.core.governance.GovernanceAction;
import io.gridchain.core.governance.GovernanceState;
import io.gridchain.core.params.ChainParams;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.tx.UnsignedTransaction;
import io.gridchain.core.validator.Validator;
import io.gridchain.genesis.GenesisDocument;
import io.gridchain.node.GridchainNode;
import io.gridchain.node.chain.EvidenceHandler;
import io.gridchain.node.chain.EvidenceSubmission;
import io.gridchain.node.chain.GenesisData;
import io.gridchain.node.chain.GenesisLoader;
import io.gridchain.node.config.NetworkConfig;
import io.gridchain.node.config.NodeConfig;
import io.gridchain.node.mempool.Admission;
import io.gridchain.node.mempool.Mempool;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Four validators in one JVM, each with its own LevelDB, API and libp2p host on 127.0.0.1. */
class ValidatorNetworkTest {
    private static final long CHAIN_ID = 4242;
    private final SecureRandom random = new SecureRandom();
    private final List<SigningKey> keys = new ArrayList<>();
    private final SigningKey funded = SigningKey.random(random);
    private final GridchainNode[] nodes = new GridchainNode[4];
    private final Duration[] blockTimes = {Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofMillis(200),
            Duration.ofMillis(200), Duration.ofMillis(200)}; // the fifth: a validator added by governance
    private GenesisData genesis;
    @TempDir
    Path dir;

    @AfterEach
    void stopAll() {
        for (GridchainNode n : nodes) {
            if (n != null) {
                n.close();
            }
        }
    }

    private GridchainNode start(int i, List<String> bootstrap) {
        return start(i, bootstrap, false);
    }

    private GridchainNode start(int i, List<String> bootstrap, boolean equivocate) {
        NodeConfig config = new NodeConfig(dir.resolve("node-" + i), "127.0.0.1", 0, 0, blockTimes[i],
                Mempool.Limits.DEFAULT);
        return GridchainNode.startNetworked(config,
                new NetworkConfig("127.0.0.1", 0, bootstrap, NetworkConfig.LAN_TIMEOUTS,
                        equivocate ? java.util.Set.of(ByzantineBehaviour.EQUIVOCATE) : java.util.Set.of()), genesis, keys.get(i),
                Clock.systemUTC());
    }

    private void startNetwork() {
        startNetwork(-1);
    }

    private void startNetwork(int equivocator) {
        List<Validator> validators = new ArrayList<>();
        List<GenesisDocument.Balance> balances = new ArrayList<>(List.of(new GenesisDocument.Balance(funded.address(), 1_000_000_000_000L)));
        for (int i = 0; i < 4; i++) {
            SigningKey k = SigningKey.random(random);
            keys.add(k);
            validators.add(new Validator(k.address(), k.compressedPublicKey(), 10));
            balances.add(new GenesisDocument.Balance(k.address(), 1_000_000_000L)); // validators pay for the evidence they report
        }
        genesis = GenesisLoader.fromDocument(new GenesisDocument(CHAIN_ID, Instant.parse("2026-11-22T00:00:00Z"), validators,
                balances, ChainParams.DEFAULTS));
        nodes[0] = start(0, List.of());
        String first = nodes[0].network().orElseThrow().listenAddresses().get(0).toString();
        for (int i = 1; i < 4; i++) {
            nodes[i] = start(i, List.of(first), i == equivocator);
        }
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private long height(int i) {
        return nodes[i].ledger().head().height();
    }

    private void assertSameBlocks(int... which) {
        long lowest = Long.MAX_VALUE;
        for (int i : which) {
            lowest = Math.min(lowest, height(i));
        }
        for (long h = 1; h <= lowest; h++) {
            Hash32 expected = nodes[which[0]].ledger().store().block(h).orElseThrow().hash();
            for (int i : which) {
                assertThat(nodes[i].ledger().store().block(h).orElseThrow().hash()).as("block %d on node %d", h, i).isEqualTo(expected);
            }
        }
    }

    @Test
    void anEquivocatingValidatorCannotForkTheChainAndItsEvidenceIsCommitted() throws Exception {
        startNetwork(3);
        Address equivocator = keys.get(3).address();
        await("evidence against validator 3 on chain", Duration.ofSeconds(60), () -> {
            for (long h = 1; h <= height(0); h++) {
                for (Transaction t : nodes[0].ledger().store().block(h).orElseThrow().transactions()) {
                    if (t.kind().equals(EvidenceSubmission.KIND)
                            && new EvidenceHandler().decode(t.payload()).evidence().first().validator().equals(equivocator)) {
                        return true;
                    }
                }
            }
            return false;
        });
        long h = height(0);
        await("the chain going on", Duration.ofSeconds(60), () -> height(0) >= h + 3 && height(1) >= h + 3 && height(2) >= h + 3);
        assertSameBlocks(0, 1, 2, 3);
    }

    @Test
    void aValidatorAddedByGovernanceSignsFromTheDefinedHeight() throws Exception {
        startNetwork();
        SigningKey newcomer = SigningKey.random(random);
        keys.add(newcomer);
        String first = nodes[0].network().orElseThrow().listenAddresses().get(0).toString();
        GridchainNode observer = start(4, List.of(first));
        try {
            await("the observer following", Duration.ofSeconds(60), () -> observer.ledger().head().height() >= 2);
            GovernanceAction add = new GovernanceAction.UpdateValidators(List.of(
                    new GovernanceAction.ValidatorUpdate(newcomer.address(), newcomer.compressedPublicKey(), 10)));
            long govNonce = GovernanceState.nonce(nodes[0].ledger().state());
            List<Governance.Approval> approvals = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                approvals.add(Governance.approve(keys.get(i), CHAIN_ID, govNonce, add));
            }
            Transaction tx = new UnsignedTransaction(CHAIN_ID, 0, 1_000, new Governance(govNonce, add, approvals)).signWith(funded);
            assertThat(nodes[1].mempool().add(tx)).isInstanceOf(Admission.Accepted.class);
            await("the governance transaction", Duration.ofSeconds(60),
                    () -> nodes[0].ledger().store().transactionLocation(tx.hash()).isPresent());
            long included = nodes[0].ledger().store().transactionLocation(tx.hash()).orElseThrow().height();
            long effective = included + Governance.DELAY;
            await("blocks past the effective height", Duration.ofSeconds(60), () -> height(0) >= effective + 3);
            assertThat(nodes[0].ledger().store().block(effective - 1).orElseThrow().header().validatorSetHash())
                    .isNotEqualTo(nodes[0].ledger().store().block(effective).orElseThrow().header().validatorSetHash());
            boolean signed = false;
            for (long h = effective; h <= height(0); h++) {
                signed |= nodes[0].ledger().store().certificate(h).orElseThrow().signatures().stream()
                        .anyMatch(sig -> sig.validator().equals(newcomer.address()));
            }
            assertThat(signed).as("the new validator's precommits in certificates from height %d", effective).isTrue();
            for (long h = 1; h < effective; h++) {
                assertThat(nodes[0].ledger().store().certificate(h).orElseThrow().signatures())
                        .noneMatch(sig -> sig.validator().equals(newcomer.address()));
            }
        } finally {
            observer.close();
        }
    }

    /**
     * Healthy validators decide in round 0 even when half of them start each height later (here they
     * pause 400 ms after a commit, the others 50 ms: the skew of separate processes on a busy
     * machine, made large). A proposal that arrived during the pause used to lose its block when the
     * height started, so the late half prevoted nil and every such round failed.
     */
    @Test
    void healthyValidatorsDecideEachHeightInItsFirstRoundDespiteSkewedStarts() throws Exception {
        blockTimes[0] = blockTimes[1] = Duration.ofMillis(50);
        blockTimes[2] = blockTimes[3] = Duration.ofMillis(400);
        startNetwork();
        await("height 3 on every node", Duration.ofSeconds(60), () -> height(0) >= 3 && height(1) >= 3 && height(2) >= 3 && height(3) >= 3);
        long from = height(0) + 1;
        int heights = 20;
        await(heights + " more heights", Duration.ofSeconds(90), () -> height(0) >= from + heights - 1);
        List<Long> laterRounds = new ArrayList<>();
        for (long h = from; h < from + heights; h++) {
            if (nodes[0].ledger().store().certificate(h).orElseThrow().round() > 0) {
                laterRounds.add(h);
            }
        }
        assertThat(laterRounds).as("heights of %d..%d decided after round 0 (one is allowed for a starved CI machine)",
                from, from + heights - 1).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void fourValidatorsAgreeCommitATransferSurviveALossAndCatchUp() throws Exception {
        startNetwork();
        await("height 3 on every node", Duration.ofSeconds(60), () -> height(0) >= 3 && height(1) >= 3 && height(2) >= 3 && height(3) >= 3);

        Address bob = SigningKey.random(random).address();
        Transaction tx = new UnsignedTransaction(CHAIN_ID, 0, 1_000, new Transfer(bob, 77)).signWith(funded);
        assertThat(nodes[2].mempool().add(tx)).isInstanceOf(Admission.Accepted.class);
        // the API relays what it admits; here we publish as the API would
        await("the transfer on every node", Duration.ofSeconds(60), () -> {
            for (GridchainNode n : nodes) {
                if (Account.STATE.get(n.ledger().state(), bob).orElse(Account.EMPTY).balance() != 77) {
                    return false;
                }
            }
            return true;
        });

        nodes[3].close();
        nodes[3] = null;
        long before = height(0);
        await("blocks without validator 3", Duration.ofSeconds(60), () -> height(0) >= before + 3 && height(1) >= before + 3);
        assertSameBlocks(0, 1, 2);

        String first = nodes[0].network().orElseThrow().listenAddresses().get(0).toString();
        nodes[3] = start(3, List.of(first));
        long target = height(0);
        await("validator 3 catching up", Duration.ofSeconds(60), () -> height(3) >= target + 2);
        assertSameBlocks(0, 1, 2, 3);
    }
}
