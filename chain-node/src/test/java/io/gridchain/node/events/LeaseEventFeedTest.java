package io.gridchain.node.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.capacity.CapacityParams;
import io.gridchain.capacity.CapacityTransactions;
import io.gridchain.capacity.Prices;
import io.gridchain.capacity.Resources;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.params.ChainParams;
import io.gridchain.genesis.GenesisDocument;
import io.gridchain.identity.TransactionBuilders;
import io.gridchain.identity.model.Metadata;
import io.gridchain.node.testing.RunningNode;
import io.gridchain.node.testing.TestChain;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The block listener hook: lease events reach the subscribers of their node only, including the
 * end-of-block ones (grace, then ended out of funds), and an unsubscribed sink hears nothing more.
 */
class LeaseEventFeedTest {
    @TempDir
    Path dataDir;

    @Test
    void eachNodeHearsItsOwnLeaseChangesUntilItUnsubscribes() throws Exception {
        CapacityParams params = new CapacityParams(new Prices(0, 0, 0, 0),
                new Prices(1_000_000_000_000L, 1, 1, 1), 1, 1, Optional.empty());
        TestChain chain = new TestChain(2, ChainParams.DEFAULTS,
                d -> d.withIdentity(GenesisDocument.IdentitySection.DEV).withCapacity(params));
        try (RunningNode n = new RunningNode(chain, dataDir, Duration.ofMillis(50))) {
            SigningKey a = chain.accounts.get(0);
            SigningKey nodeKey = SigningKey.random(new SecureRandom());
            SigningKey otherNode = SigningKey.random(new SecureRandom());
            n.commit(a, TransactionBuilders.register("owner", Metadata.EMPTY));
            long farm = n.commit(a, CapacityTransactions.createFarm("farm", "owner", a.address()))
                    .get("receipt").get("events").get(0).get("attributes").get("farm").asLong();
            Prices prices = new Prices(3_600_000_000L, 0, 0, 0);
            n.commit(a, CapacityTransactions.registerNode(nodeKey, TestChain.CHAIN_ID, farm, new Resources(4, 0, 0, 0), "", prices));
            n.commit(a, CapacityTransactions.registerNode(otherNode, TestChain.CHAIN_ID, farm, new Resources(4, 0, 0, 0), "", prices));

            LeaseEventFeed feed = new LeaseEventFeed(n.node.ledger());
            n.node.ledger().addListener(feed);
            List<LeaseEventFeed.LeaseEvent> mine = new CopyOnWriteArrayList<>();
            List<LeaseEventFeed.LeaseEvent> theirs = new CopyOnWriteArrayList<>();
            feed.subscribe(nodeKey.address(), mine::add);
            AutoCloseable other = feed.subscribe(otherNode.address(), theirs::add);
            other.close();
            // 1 cru at 10^6 units/s: an escrow of 2*10^6 runs out after 2 s, then 1 s of grace
            n.commit(a, CapacityTransactions.createLease(nodeKey.address(), "owner", new Resources(1, 0, 0, 0), 0, 2_000_000L));
            n.commit(a, CapacityTransactions.createLease(otherNode.address(), "owner", new Resources(1, 0, 0, 0), 0, 2_000_000L));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (mine.stream().noneMatch(e -> e.type().equals("lease.ended")) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(mine).extracting(LeaseEventFeed.LeaseEvent::type).containsSubsequence("lease.created", "lease.grace", "lease.ended");
            assertThat(mine).allMatch(e -> e.node().equals(nodeKey.address()));
            assertThat(theirs).isEmpty();
            feed.close();
        }
    }
}
