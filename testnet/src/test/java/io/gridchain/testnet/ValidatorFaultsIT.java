package io.gridchain.testnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.account.Transfer;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.tx.UnsignedTransaction;
import io.gridchain.testnet.scenario.Network;
import io.gridchain.testnet.scenario.Scenario;
import io.gridchain.wallet.NodeClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The slow faults, each on four validator processes; every scenario ends with the same blocks everywhere. */
@Tag("long")
class ValidatorFaultsIT {
    private static final java.nio.file.Path JAR = java.nio.file.Path.of(System.getProperty("gridchain.jar", "target/gridchain.jar"));

    @Test
    void killingTwoOfFourHaltsTheChainAndRestartingThemResumesItWithoutAFork() throws Exception {
        try (Network net = Scenario.validators(4).blockTime("200ms").start("two-down")) {
            net.awaitHeight(5);
            net.kill(2);
            net.kill(3);
            Thread.sleep(2000); // a block already precommitted by 3 of 4 may still land
            net.assertHaltedFor(Duration.ofSeconds(10));
            long halted = net.highest();

            net.restart(2);
            net.restart(3);
            net.awaitHeight(halted + 5);
            net.awaitSameHead();
            net.assertSameBlocksUpToLowestHeight();
        }
    }

    /**
     * An observer (so the four validators keep their full speed while it is away) is killed, misses
     * 1000 blocks, and on restart fetches them by block sync, verifying every certificate.
     */
    @Test
    void aNodeDownForAThousandBlocksCatchesUp() throws Exception {
        try (Network net = Scenario.validators(4).observers(1).blockTime("100ms").start("thousand-blocks")) {
            net.awaitHeight(3);
            net.kill(4);
            long down = net.highest();
            long since = System.nanoTime();
            net.awaitHeightOn(List.of(0, 1, 2, 3), down + 1000, Duration.ofMinutes(10));
            System.out.printf("1000 blocks while the observer was down, in %.1f s%n", (System.nanoTime() - since) / 1e9);

            long restarting = System.nanoTime();
            net.restart(4);
            long target = net.highest();
            net.awaitHeightOn(List.of(4), target, Duration.ofMinutes(5));
            double seconds = (System.nanoTime() - restarting) / 1e9;
            System.out.printf("observer caught up %d blocks in %.1f s from its restart (JVM start included): %.0f blocks/s%n",
                    target - down, seconds, (target - down) / seconds);
            net.awaitSameHead();
            net.assertSameBlocksUpToLowestHeight();
        }
    }

    /**
     * Validators are killed with SIGKILL at random moments while transfers flow, 20 times (issue #14;
     * {@code -Dkills=N} to change), so some die between signing and sending a vote or in the middle of
     * a commit; after each restart they must not sign anything that conflicts with what they signed
     * before (every stored certificate is checked for double precommits), end with the same blocks, and
     * {@code node verify-db} re-executes every node's whole chain.
     */
    @Test
    void killingValidatorsDuringCommitAndSigningUnderLoadNeverMakesADoubleSignature() throws Exception {
        int kills = Integer.getInteger("kills", 20);
        try (Network net = Scenario.validators(4).blockTime("100ms").start("kill-under-load")) {
            net.awaitHeight(3);
            Random random = new Random(7);
            AtomicBoolean done = new AtomicBoolean(false);
            AtomicLong submitted = new AtomicLong();
            Thread load = new Thread(() -> transfers(net, done, submitted));
            load.setDaemon(true);
            load.start();
            for (int round = 0; round < kills; round++) {
                int victim = random.nextInt(4);
                Thread.sleep(500 + random.nextInt(2500));
                net.kill(victim);
                long h = net.highest();
                net.awaitHeightOn(net.running(), h + 2);
                net.restart(victim);
                net.awaitHeightOn(List.of(victim), net.highest());
            }
            done.set(true);
            load.join(30_000);
            assertThat(submitted.get()).as("transfers submitted during the kills").isPositive();
            net.awaitHeight(net.highest() + 3);
            net.awaitSameHead();
            Network.ChainCheck check = net.assertSameBlocksUpToLowestHeight();
            System.out.printf("%d kills, %d transfers submitted; %d blocks and %d certificates checked on %d nodes%n",
                    kills, submitted.get(), check.height(), check.certificates(), check.nodes());
            for (int n : net.all()) {
                net.stop(n);
            }
            for (int n : net.all()) {
                Cli.Result verify = Cli.run(JAR, net.dir().resolve("verify-" + n + ".log"), "node", "verify-db", "--data-dir",
                        net.dataDir(n).toString());
                assertThat(verify.exitCode()).as("verify-db of node %d: %s", n, verify.output()).isZero();
                assertThat(verify.output()).contains("ok: ");
            }
        }
    }

    /**
     * Validator 0 sends 20 transfers every 100 ms to node 0 (never killed) until told to stop: enough
     * that most blocks hold some, not so many that blocks grow to a thousand (throughput is the
     * benchmark's business, and on a loaded two-core machine such blocks take several rounds); a refused
     * batch or a failed request (the machine is loaded) restarts from the committed nonce.
     */
    private static void transfers(Network net, AtomicBoolean done, AtomicLong submitted) {
        NodeClient client = net.client(0);
        SigningKey from = keyOf(net);
        Address to = SigningKey.random(new SecureRandom()).address();
        long nonce = -1;
        while (!done.get()) {
            try {
                if (nonce < 0) {
                    nonce = client.account(from.address()).nonce();
                }
                List<Transaction> batch = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    batch.add(new UnsignedTransaction(net.chainId(), nonce + i, 1_000, new Transfer(to, 1)).signWith(from));
                }
                long accepted = client.submitBatch(batch).stream().filter(r -> r.accepted()).count();
                submitted.addAndGet(accepted);
                nonce = accepted == batch.size() ? nonce + batch.size() : -1;
                Thread.sleep(accepted == batch.size() ? 100 : 500);
            } catch (RuntimeException e) {
                System.out.println("load: " + e.getMessage());
                nonce = -1;
                pause(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static SigningKey keyOf(Network net) {
        return net.validatorKey(0);
    }
}
