package io.gridchain.capacity;

import io.gridchain.capacity.tx.FarmCreate;
import io.gridchain.capacity.tx.LeaseCancel;
import io.gridchain.capacity.tx.LeaseCreate;
import io.gridchain.capacity.tx.LeaseExtend;
import io.gridchain.capacity.tx.LeaseSettle;
import io.gridchain.capacity.tx.LeaseTopUp;
import io.gridchain.capacity.tx.NodeGovernanceRetire;
import io.gridchain.capacity.tx.NodeHeartbeat;
import io.gridchain.capacity.tx.NodeRegister;
import io.gridchain.capacity.tx.NodeSetPrices;
import io.gridchain.capacity.tx.NodeSetStatus;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Signature;
import io.gridchain.core.crypto.SigningKey;

/**
 * Payload builders for the wallet and the command line. Wrap the result in an
 * {@code UnsignedTransaction} and sign it. Arguments the chain would refuse anyway (negative amounts,
 * a zero top-up) are refused here with {@link IllegalArgumentException}.
 */
public final class CapacityTransactions {
    private CapacityTransactions() {}

    public static FarmCreate createFarm(String name, String ownerIdentity, Address payout) {
        return new FarmCreate(name, ownerIdentity, payout);
    }

    /** A registration of the node whose key is {@code node}, signed by it for {@code farmId} on {@code chainId}. */
    public static NodeRegister registerNode(SigningKey node, long chainId, long farmId, Resources capacity, String location,
                                            Prices prices) {
        return registerNode(node.address(), farmId, capacity, location, prices,
                node.sign(NodeRegister.consentDigest(chainId, nonNegative(farmId, "farm id"), node.address())));
    }

    /** As above, with the node key's consent made elsewhere (see {@link NodeRegister#consentDigest}). */
    public static NodeRegister registerNode(Address node, long farmId, Resources capacity, String location, Prices prices,
                                            Signature nodeConsent) {
        return new NodeRegister(node, nonNegative(farmId, "farm id"), capacity, location, prices, nodeConsent);
    }

    public static NodeSetPrices setPrices(Address node, Prices prices) {
        return new NodeSetPrices(node, prices);
    }

    public static NodeSetStatus drain(Address node) {
        return new NodeSetStatus(node, NodeStatus.DRAINING);
    }

    public static NodeSetStatus activate(Address node) {
        return new NodeSetStatus(node, NodeStatus.ACTIVE);
    }

    public static NodeSetStatus retire(Address node) {
        return new NodeSetStatus(node, NodeStatus.RETIRED);
    }

    public static NodeGovernanceRetire retireByGovernance(Address node) {
        return new NodeGovernanceRetire(node);
    }

    /** Sign with the node's own key. */
    public static NodeHeartbeat heartbeat(Address node) {
        return new NodeHeartbeat(node);
    }

    /** {@code endSec} 0 = open-ended. */
    public static LeaseCreate createLease(Address node, String tenant, Resources resources, long endSec, long escrow) {
        return new LeaseCreate(node, tenant, resources, nonNegative(endSec, "end"), positive(escrow, "escrow"));
    }

    public static LeaseTopUp topUp(long leaseId, long amount) {
        return new LeaseTopUp(nonNegative(leaseId, "lease id"), positive(amount, "top-up"));
    }

    public static LeaseExtend extend(long leaseId, long newEndSec, long amount) {
        return new LeaseExtend(nonNegative(leaseId, "lease id"), positive(newEndSec, "new end"),
                nonNegative(amount, "amount"));
    }

    public static LeaseCancel cancel(long leaseId) {
        return new LeaseCancel(nonNegative(leaseId, "lease id"));
    }

    public static LeaseSettle settle(long leaseId) {
        return new LeaseSettle(nonNegative(leaseId, "lease id"));
    }

    /** The cost preview: what {@code resources} on a node with {@code prices} cost for {@code seconds}. */
    public static LeaseQuote quote(Prices prices, Resources resources, long seconds, CapacityParams params) {
        return LeaseQuote.of(prices, resources, nonNegative(seconds, "seconds"), params);
    }

    private static long positive(long v, String what) {
        if (v <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + v);
        }
        return v;
    }

    private static long nonNegative(long v, String what) {
        if (v < 0) {
            throw new IllegalArgumentException(what + " must not be negative, got " + v);
        }
        return v;
    }
}
