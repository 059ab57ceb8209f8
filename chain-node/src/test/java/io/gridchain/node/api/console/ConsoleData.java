package io.gridchain.node.api.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridchain.capacity.CapacityParams;
import io.gridchain.capacity.CapacityTransactions;
import io.gridchain.capacity.Prices;
import io.gridchain.capacity.Resources;
import io.gridchain.core.account.Transfer;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.params.ChainParams;
import io.gridchain.genesis.GenesisDocument;
import io.gridchain.identity.TransactionBuilders;
import io.gridchain.identity.model.KeyPurpose;
import io.gridchain.identity.model.MemberRef;
import io.gridchain.identity.model.Metadata;
import io.gridchain.node.testing.RunningNode;
import io.gridchain.node.testing.TestChain;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;

/**
 * A dev node holding the README's worked examples, made through the real API: a transfer, {@code alice}
 * with a laptop key, {@code bob}, an organization, the farm {@code green-farm}, a grid node (funded, with a
 * heartbeat) and three leases of bob's: active, cancelled, and in grace (its escrow ran out).
 */
final class ConsoleData implements AutoCloseable {
    static final Prices PRICES = new Prices(360_000_000L, 36_000_000L, 3_600_000L, 0);
    final RunningNode n;
    final SigningKey dev;
    final SigningKey bob;
    final SigningKey laptop = SigningKey.random(new SecureRandom());
    final SigningKey gridNode = SigningKey.random(new SecureRandom());
    final SigningKey payee = SigningKey.random(new SecureRandom());
    final String transferHash;
    final long transferHeight;
    final long farmId;
    final long activeLease;
    final long endedLease;
    /** Prepaid for 3 seconds: then in grace for an hour (the grace period here). */
    final long graceLease;

    ConsoleData(Path dir, Duration blockTime) throws Exception {
        CapacityParams params = new CapacityParams(new Prices(0, 0, 0, 0),
                new Prices(1_000_000_000L, 1_000_000_000L, 1_000_000_000L, 1_000_000_000L), 3600, 2, Optional.empty());
        TestChain chain = new TestChain(2, ChainParams.DEFAULTS,
                d -> d.withIdentity(GenesisDocument.IdentitySection.DEV).withCapacity(params));
        n = new RunningNode(chain, dir, blockTime);
        dev = chain.accounts.get(0);
        bob = chain.accounts.get(1);
        JsonNode transfer = n.commit(dev, new Transfer(payee.address(), 2_500_000_000L));
        transferHash = transfer.get("hash").asText();
        transferHeight = transfer.get("height").asLong();
        n.commit(dev, new Transfer(gridNode.address(), 1_000_000_000L));
        n.commit(dev, TransactionBuilders.register("alice", new Metadata("Alice", Metadata.EMPTY.emailHash(), "",
                Metadata.EMPTY.encryptionKey())));
        n.commit(dev, TransactionBuilders.addKey("alice", laptop.address(), KeyPurpose.AUTHENTICATION));
        n.commit(bob, TransactionBuilders.register("bob", Metadata.EMPTY));
        n.commit(dev, TransactionBuilders.createOrg("green-org", "alice"));
        n.commit(dev, TransactionBuilders.addOrgMember("green-org", "alice", MemberRef.identity("bob")));
        JsonNode farm = n.commit(dev, CapacityTransactions.createFarm("green-farm", "alice", payee.address()));
        farmId = Long.parseLong(attribute(farm, "farm.created", "farm"));
        n.commit(dev, CapacityTransactions.registerNode(gridNode, TestChain.CHAIN_ID, farmId, new Resources(8, 32, 1000, 0), "ghent", PRICES));
        n.commit(gridNode, CapacityTransactions.heartbeat(gridNode.address()));
        activeLease = lease(new Resources(2, 4, 100, 0), 7200);
        endedLease = lease(new Resources(1, 1, 10, 0), 7200);
        graceLease = lease(new Resources(1, 0, 0, 0), 3);
        n.commit(bob, CapacityTransactions.cancel(endedLease));
    }

    /** A lease of bob's prepaid for {@code seconds} at the node's prices (the README prepays two hours). */
    private long lease(Resources r, long seconds) throws Exception {
        long rate = r.cru() * PRICES.cru() + r.mru() * PRICES.mru() + r.sru() * PRICES.sru();
        JsonNode tx = n.commit(bob, CapacityTransactions.createLease(gridNode.address(), "bob", r, 0, rate * seconds / 3600));
        return Long.parseLong(attribute(tx, "lease.created", "lease"));
    }

    static String attribute(JsonNode tx, String type, String name) {
        for (JsonNode e : tx.get("receipt").get("events")) {
            if (e.get("type").asText().equals(type)) {
                return e.get("attributes").get(name).asText();
            }
        }
        throw new AssertionError("no " + type + " event in " + tx);
    }

    JsonNode api(String path) throws Exception {
        return RunningNode.json(n.get(path));
    }

    @Override
    public void close() {
        n.close();
    }
}
