package io.gridchain.testnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.account.Transfer;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.tx.UnsignedTransaction;
import io.gridchain.testnet.process.NodeProcess;
import io.gridchain.wallet.Keystore;
import io.gridchain.wallet.NodeClient;
import io.gridchain.wallet.NodeViews;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A validator node process (running the BFT driver, its WAL and signing guard) is killed with SIGKILL
 * again and again while it commits blocks under load.
 * After every restart it resumes at or after the last block seen committed, no transaction seen
 * committed is lost, and at the end {@code node verify-db} re-executes the whole chain successfully.
 */
class CrashRecoveryIT {
    private static final Path JAR = Path.of(System.getProperty("gridchain.jar", "target/gridchain.jar"));
    private static final int KILLS = 4;
    private static final java.util.Set<String> BACK_PRESSURE = java.util.Set.of("too-many-pending-for-sender", "mempool-full");

    @TempDir
    Path dir;

    @Test
    void aKilledNodeResumesAtItsLastCommittedBlockAndLosesNothing() throws Exception {
        Path password = Files.writeString(dir.resolve("password"), "crash test password\n");
        Cli.run(JAR, dir.resolve("genesis.log"), "genesis", "new", "--validators", "1", "--out", dir.resolve("net").toString(),
                "--password-file", password.toString(), "--light-kdf");
        SigningKey validator = Keystore.read(dir.resolve("net/validator-0.json"), "crash test password").orElseThrow();
        Address sink = SigningKey.random(new SecureRandom()).address();
        Random random = new Random(42);
        Set<Hash32> seenCommitted = new HashSet<>();
        long seenHeight = 0;

        for (int cycle = 0; cycle <= KILLS; cycle++) {
            int port = NodeProcess.freePort();
            NodeProcess node = NodeProcess.start(JAR, port, dir.resolve("node.log"), Duration.ofSeconds(60),
                    "node", "run", "--data-dir", dir.resolve("node").toString(), "--genesis", dir.resolve("net/genesis.json").toString(),
                    "--key", dir.resolve("net/validator-0.json").toString(), "--password-file", password.toString(),
                    "--api-port", Integer.toString(port), "--p2p-port", Integer.toString(NodeProcess.freePort()),
                    "--block-time", "100ms", "--api-no-client-limits"); // the load is one client as fast as it can
            NodeClient client = NodeClient.create(node.api());
            assertThat(client.status().height()).as("height after restart %d", cycle).isGreaterThanOrEqualTo(seenHeight);
            for (Hash32 hash : seenCommitted) {
                assertThat(client.transaction(hash).isCommitted()).as("transaction %s after restart %d", hash, cycle).isTrue();
            }
            if (cycle == KILLS) {
                assertThat(node.stop()).as("exit code after SIGTERM (the JVM reports 128 + 15)").isIn(0, 143);
                break;
            }
            List<Transaction> submitted = new CopyOnWriteArrayList<>();
            AtomicBoolean killing = new AtomicBoolean(false);
            AtomicReference<Throwable> loadFailure = new AtomicReference<>();
            Thread load = new Thread(() -> {
                try {
                    submitUntilKilled(client, validator, sink, submitted, killing);
                } catch (RuntimeException | AssertionError e) {
                    loadFailure.set(e);
                }
            });
            load.start();
            awaitSubmitted(submitted, 100, loadFailure);
            Thread.sleep(500 + random.nextInt(1500));
            seenHeight = client.status().height();
            for (Transaction tx : submitted) {
                if (client.transaction(tx.hash()).isCommitted()) {
                    seenCommitted.add(tx.hash());
                }
            }
            killing.set(true);
            node.kill();
            load.join();
            assertThat(loadFailure.get()).as("load in cycle %d", cycle).isNull();
            assertThat(submitted).as("load in cycle %d", cycle).isNotEmpty();
        }
        assertThat(seenCommitted).hasSizeGreaterThan(KILLS);

        Cli.Result verify = Cli.run(JAR, dir.resolve("verify.log"), "node", "verify-db", "--data-dir", dir.resolve("node").toString());
        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(verify.output()).contains("ok: ");
    }

    /** The kill must land while transfers flow, however slowly a loaded machine signs them. */
    private static void awaitSubmitted(List<Transaction> submitted, int count, AtomicReference<Throwable> failure)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (submitted.size() < count && failure.get() == null && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(failure.get()).isNull();
        assertThat(submitted).hasSizeGreaterThanOrEqualTo(count);
    }

    /**
     * Submits transfers until the node is killed under it; any failure before that is a real one. A
     * full pool for this sender is back-pressure: wait and send the rest of the batch again.
     */
    private static void submitUntilKilled(NodeClient client, SigningKey from, Address to, List<Transaction> submitted,
                                          AtomicBoolean killing) {
        try {
            long chainId = client.status().chainId();
            long nonce = client.account(from.address()).nonce();
            List<Transaction> unsent = new ArrayList<>();
            while (!killing.get()) {
                while (unsent.size() < 50) {
                    unsent.add(new UnsignedTransaction(chainId, nonce++, 1_000, new Transfer(to, 1)).signWith(from));
                }
                List<NodeViews.BatchResult> results = client.submitBatch(unsent);
                int accepted = 0;
                for (NodeViews.BatchResult r : results) {
                    if (!r.accepted() && BACK_PRESSURE.contains(r.code().orElse(""))) {
                        break;
                    }
                    assertThat(r.accepted() || "already-pending".equals(r.code().orElse(""))).as(r.detail().orElse("")).isTrue();
                    accepted++;
                }
                submitted.addAll(unsent.subList(0, accepted));
                unsent = new ArrayList<>(unsent.subList(accepted, unsent.size()));
                if (!unsent.isEmpty()) {
                    Thread.sleep(100);
                }
            }
        } catch (RuntimeException e) {
            if (!killing.get()) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
