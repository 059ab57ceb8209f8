package io.gridchain.node.api;

import io.gridchain.core.block.Block;
import io.gridchain.core.block.BlockHeader;
import io.gridchain.core.bytes.Hex;
import io.gridchain.core.merkle.SmtProof;
import io.gridchain.core.merkle.SparseMerkleTree;
import io.gridchain.core.validator.ValidatorSet;
import io.gridchain.core.validator.ValidatorSetState;
import io.gridchain.node.chain.Ledger;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /v1/light/{height}}: what a light client needs to verify one height — the header, the
 * certificate that decided it, the validator set it names (RLP, as the header's hash covers it) and the
 * Merkle proof, against this header's state root, of the validator-set key, whose leaf is the hash of the
 * set that signs the next height. Any past height works while the tree nodes of its root are kept.
 */
final class LightRoutes {
    private static final byte[] NEXT_SET_KEY = ValidatorSetState.stateKey().toArray();

    private final Ledger ledger;
    private final JsonViews views;

    LightRoutes(Ledger ledger, JsonViews views) {
        this.ledger = ledger;
        this.views = views;
    }

    void register(Javalin app) {
        app.get("/v1/light/{height}", this::lightBlock);
    }

    private void lightBlock(Context ctx) {
        long height = Params.nonNegative(ctx.pathParam("height"), "block height", 0);
        Block block = ledger.store().block(height).orElseThrow(() -> new ProblemException(Problem.notFound(
                "no block at height " + height + "; the head is " + ledger.head().height())));
        BlockHeader header = block.header();
        ValidatorSet validators = ledger.store().validatorSet(header.validatorSetHash())
                .or(() -> java.util.Optional.of(ledger.validators()).filter(v -> v.hash().equals(header.validatorSetHash())))
                .orElseThrow(() -> new ProblemException(Problem.notFound("this node does not have the validator set "
                        + header.validatorSetHash() + " of height " + height + ": its store was made before nodes kept "
                        + "every set; ask a node synced since")));
        SmtProof next = new SparseMerkleTree(ledger.store().merkleNodes()).prove(header.stateRoot(), SmtProof.pathOf(NEXT_SET_KEY));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("height", height);
        m.put("blockHash", header.hash().toHex());
        m.put("header", views.header(header));
        m.put("commit", ledger.store().certificate(height).map(views::certificate).orElse(null));
        m.put("validatorSet", Hex.encodePrefixed(validators.encode()));
        m.put("validators", GovernanceViews.validators(validators.validators()));
        m.put("nextValidatorsProof", Hex.encodePrefixed(next.encode()));
        ctx.json(m);
    }
}
