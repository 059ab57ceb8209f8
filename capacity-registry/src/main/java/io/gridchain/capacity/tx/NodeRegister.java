package io.gridchain.capacity.tx;

import io.gridchain.capacity.Prices;
import io.gridchain.capacity.Resources;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.crypto.Signature;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpException;
import io.gridchain.core.rlp.RlpReader;
import io.gridchain.core.tx.TxPayload;

/**
 * Registers grid node {@code node} (the address of the node's own key) in a farm; sent by the farm owner,
 * with {@code nodeConsent}: the node key's signature over {@link #consentDigest} (chain id, farm, node id),
 * so that nobody who has seen a node's id can register it first, in a farm of their own.
 */
public record NodeRegister(Address node, long farmId, Resources capacity, String location, Prices prices,
                           Signature nodeConsent) implements TxPayload {
    public static final String KIND = "gridnode.register";
    /** Separates these signatures from any other the node key makes (transactions, heartbeats). */
    private static final String CONSENT_DOMAIN = "gridchain:gridnode.register:v1";

    @Override
    public String kind() {
        return KIND;
    }

    /** What the node key signs to consent to being registered in {@code farmId} on chain {@code chainId}. */
    public static Hash32 consentDigest(long chainId, long farmId, Address node) {
        return Keccak.hash(Rlp.list(Rlp.string(CONSENT_DOMAIN), Rlp.uint(chainId), Rlp.uint(farmId), Rlp.bytes(node.bytes())));
    }

    @Override
    public byte[] encode() {
        return Rlp.list(Rlp.bytes(node.bytes()), Rlp.uint(farmId), capacity.encode(), Rlp.string(location),
                prices.encode(), Rlp.bytes(nodeConsent.bytes()));
    }

    public static NodeRegister decode(byte[] payload) {
        RlpReader r = RlpReader.ofList(payload);
        Address node = Address.of(r.bytes(20, "node"));
        long farmId = r.uint64("farmId");
        Resources capacity = Resources.read(r, "capacity");
        String location = r.string();
        Prices prices = Prices.read(r, "prices");
        Signature.Decoded consent = Signature.decode(r.bytes(Signature.LENGTH, "nodeConsent"));
        if (consent instanceof Signature.Decoded.Invalid invalid) {
            throw new RlpException("nodeConsent: " + invalid.reason());
        }
        r.finish(KIND);
        return new NodeRegister(node, farmId, capacity, location, prices, ((Signature.Decoded.Valid) consent).signature());
    }
}
