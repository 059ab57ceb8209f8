package io.gridchain.node.api;

import io.gridchain.core.block.BlockHeader;
import io.gridchain.core.bytes.Bytes;
import io.gridchain.core.bytes.Hex;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.merkle.SmtProof;
import io.gridchain.core.merkle.SparseMerkleTree;
import io.gridchain.node.chain.Ledger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A state value with its Merkle proof against one header, and the certificate that signs that header:
 * what every {@code /v1/proofs/…} route answers. The value and the proof are read separately, so the
 * pair is retried if a block lands between the two reads.
 */
public final class StateProofs {
    private final Ledger ledger;
    private final JsonViews views;

    public StateProofs(Ledger ledger, JsonViews views) {
        this.ledger = ledger;
        this.views = views;
    }

    /** A value (or its absence) proven against {@code header}'s state root. */
    public record Proven(BlockHeader header, Bytes key, Optional<byte[]> value, SmtProof proof) {}

    public Proven read(Bytes key) {
        Hash32 path = SmtProof.pathOf(key.toArray());
        for (int attempt = 0; attempt < 5; attempt++) {
            BlockHeader header = ledger.head();
            SmtProof proof = new SparseMerkleTree(ledger.store().merkleNodes()).prove(header.stateRoot(), path);
            Optional<byte[]> value = ledger.state().get(key);
            Optional<Hash32> provenHash = proof.terminal().filter(l -> l.path().equals(path)).map(SmtProof.LeafAt::valueHash);
            if (provenHash.equals(value.map(Keccak::hash))) {
                return new Proven(header, key, value, proof);
            }
        }
        throw new ProblemException(new Problem(503, "busy", "Try again",
                "the chain advanced during every attempt to read a consistent proof"));
    }

    /** The common JSON fields: height, key, value, proof, header, blockHash, commit. */
    public Map<String, Object> json(Proven p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("height", p.header().height());
        m.put("key", p.key().toString());
        m.put("value", p.value().map(Hex::encodePrefixed).orElse(null));
        m.put("proof", Hex.encodePrefixed(p.proof().encode()));
        m.put("header", views.header(p.header()));
        m.put("blockHash", p.header().hash().toHex());
        m.put("commit", ledger.store().certificate(p.header().height()).map(views::certificate).orElse(null));
        return m;
    }
}
