package io.gridchain.testnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.rlp.Rlp;
import io.gridchain.p2p.Peer;
import io.gridchain.p2p.RequestLimits;
import io.gridchain.p2p.crypto.KeyType;
import io.gridchain.p2p.crypto.PrivateKey;
import io.gridchain.p2p.host.HostConfig;
import io.gridchain.p2p.host.Libp2pNetwork;
import io.gridchain.p2p.multiaddr.Multiaddr;
import io.gridchain.testnet.scenario.Network;
import io.gridchain.testnet.scenario.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A hostile libp2p peer connects to validator 0 of four real processes and, for 20 s, floods it:
 * junk messages of every size on the consensus and transaction topics, topic churn, and block-sync
 * requests as fast as it may have them. The chain keeps committing on the honest validators and the
 * flooded one, all hold the same blocks, and the flooded validator's live heap (after a full GC,
 * read with jcmd) stays under a stated bound above what it was before.
 */
class HostilePeerIT {
    /**
     * The bound this test states for the flooded validator's live heap growth, from the limits one
     * connection has: 2 inbound gossip streams of at most 32 MiB waiting for the router, 64 MiB queued
     * for a peer that reads slowly, 8 block-sync answers of at most 8 MiB at once; 256 MiB in all, and
     * room for the rest. Measured on a loaded two-core machine during a 20 s flood of about 30,000 junk
     * messages (64 KiB on average): at most 49 and 233 MiB in two runs (4 MiB before, 6 to 7 MiB after);
     * 186 MiB before the router's inbound queue was bounded.
     */
    private static final long MAX_GROWTH_BYTES = 320L << 20;
    private static final Duration FLOOD = Duration.ofSeconds(20);
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    @Test
    void aFloodingPeerNeitherStopsTheChainNorGrowsTheValidatorsHeap() throws Exception {
        try (Network net = Scenario.validators(4).blockTime("200ms").start("hostile-peer")) {
            net.awaitHeight(3);
            long pid = net.pid(0);
            long before = liveHeap(pid);
            long startHeight = net.lowest();
            AtomicLong published = new AtomicLong();
            AtomicLong requests = new AtomicLong();
            AtomicLong heapMax = new AtomicLong(before);
            try (Libp2pNetwork hostile = Libp2pNetwork.start(HostConfig.builder(PrivateKey.generate(KeyType.SECP256K1))
                    .listen(List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/0"))).build())) {
                Peer victim = hostile.dial(Multiaddr.parse(net.p2pAddress(0))).get(30, TimeUnit.SECONDS);
                long chain = net.chainId();
                List<String> topics = List.of("/gridchain/" + chain + "/proposals/1", "/gridchain/" + chain + "/votes/1",
                        "/gridchain/" + chain + "/txs/1");
                List<io.gridchain.p2p.Topic> joined = new ArrayList<>();
                for (String t : topics) {
                    joined.add(hostile.subscribe(t, m -> io.gridchain.p2p.ValidationResult.IGNORE));
                }
                long end = System.nanoTime() + FLOOD.toNanos();
                Thread junk = new Thread(() -> floodTopics(hostile, joined, end, published));
                Thread sync = new Thread(() -> floodSync(hostile, victim, end, requests));
                junk.start();
                sync.start();
                while (System.nanoTime() < end) {
                    Thread.sleep(4_000);
                    heapMax.accumulateAndGet(liveHeap(pid), Math::max);
                }
                junk.join(30_000);
                sync.join(30_000);
            }
            long after = liveHeap(pid);
            net.awaitHeightOn(net.all(), startHeight + 20);
            Network.ChainCheck check = net.assertSameBlocksUpToLowestHeight();
            System.out.printf("hostile peer: %d junk messages, %d sync requests in %d s; validator 0 live heap %d MiB before, "
                            + "at most %d MiB during, %d MiB after; heights %s%n", published.get(), requests.get(),
                    FLOOD.toSeconds(), before >> 20, heapMax.get() >> 20, after >> 20, net.heights());
            assertThat(published.get()).as("junk messages the hostile peer got out").isPositive();
            assertThat(heapMax.get() - before).as("growth of the flooded validator's live heap").isLessThan(MAX_GROWTH_BYTES);
            assertThat(check.nodes()).isEqualTo(4);
        }
    }

    /** Junk of random sizes up to 256 KiB on each topic, and a new topic joined and left every round. */
    private static void floodTopics(Libp2pNetwork hostile, List<io.gridchain.p2p.Topic> topics, long end, AtomicLong published) {
        Random random = new Random(11);
        int round = 0;
        while (System.nanoTime() < end) {
            for (io.gridchain.p2p.Topic t : topics) {
                byte[] junk = new byte[1 + random.nextInt(random.nextBoolean() ? 64 : 256 * 1024)];
                random.nextBytes(junk);
                try {
                    t.publish(junk);
                    published.incrementAndGet();
                } catch (RuntimeException e) {
                    return; // disconnected: the validator threw the peer out
                }
            }
            io.gridchain.p2p.Topic churn = hostile.subscribe("/junk/" + round++, m -> io.gridchain.p2p.ValidationResult.IGNORE);
            churn.close();
            if (round % 50 == 0) {
                pause(10);
            }
        }
    }

    /** Block-sync requests for the whole chain, as many at once as the hostile peer's side allows. */
    private static void floodSync(Libp2pNetwork hostile, Peer victim, long end, AtomicLong requests) {
        RequestLimits greedy = new RequestLimits(64, 16 << 20, Duration.ofSeconds(5), 256);
        byte[] everything = Rlp.list(Rlp.uint(1), Rlp.uint(100));
        while (System.nanoTime() < end) {
            List<java.util.concurrent.CompletableFuture<byte[]>> out = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                out.add(hostile.request(victim.id(), "/gridchain/sync/1.0.0", everything, greedy));
                requests.incrementAndGet();
            }
            for (var f : out) {
                try {
                    f.get(10, TimeUnit.SECONDS);
                } catch (Exception refusedOrLate) {
                    // the validator may refuse what is over its per-peer bound: that is the point
                }
            }
        }
    }

    /** Live heap of a JVM: a full GC first, then what the heap holds. */
    private static long liveHeap(long pid) throws Exception {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher m = USED.matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("no heap figure in jcmd's answer: " + info);
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    private static String jcmd(long pid, String command) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + out);
        }
        return out;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
