package io.gridchain.node.api;

import io.gridchain.consensus.EngineState;
import io.gridchain.core.validator.ValidatorSet;
import io.gridchain.node.chain.Ledger;
import io.gridchain.p2p.P2PNetwork;
import io.gridchain.p2p.Peer;
import io.gridchain.p2p.PeerId;
import io.gridchain.p2p.crypto.PublicKey;
import io.javalin.Javalin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** {@code GET /v1/net} and the network part of {@code /v1/status}: who we are on the wire and whom we see. */
public final class NetRoutes implements ApiServer.Routes {
    private final Ledger ledger;
    private final P2PNetwork network;
    private final BooleanSupplier syncing;
    private final LongSupplier targetHeight;
    private final Supplier<EngineState> consensus;

    public NetRoutes(Ledger ledger, P2PNetwork network, BooleanSupplier syncing, LongSupplier targetHeight,
                     Supplier<EngineState> consensus) {
        this.ledger = ledger;
        this.network = network;
        this.syncing = syncing;
        this.targetHeight = targetHeight;
        this.consensus = consensus;
    }

    @Override
    public void accept(Javalin app) {
        app.get("/v1/net", ctx -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("peerId", network.localPeerId().toString());
            m.put("listenAddrs", network.listenAddresses().stream().map(Object::toString).toList());
            List<Object> peers = new ArrayList<>();
            ValidatorSet validators = ledger.validators();
            for (Peer p : network.connectedPeers()) {
                Map<String, Object> peer = new LinkedHashMap<>();
                peer.put("peerId", p.id().toString());
                peer.put("addr", p.address().toString());
                peer.put("validator", isValidator(p.id(), validators));
                peers.add(peer);
            }
            m.put("peers", peers);
            ctx.json(m);
        });
    }

    /** What {@code /v1/status} adds on a networked node. */
    public Map<String, Object> statusFields(boolean validator) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("validator", validator);
        m.put("syncing", syncing.getAsBoolean());
        m.put("targetHeight", targetHeight.getAsLong());
        m.put("peers", network.connectedPeers().size());
        EngineState engine = consensus.get();
        Map<String, Object> round = new LinkedHashMap<>();
        round.put("height", engine.height());
        round.put("round", engine.round());
        round.put("step", engine.step() == null ? null : engine.step().name().toLowerCase(java.util.Locale.ROOT));
        m.put("consensus", round); // the height being decided and how far: a stuck round shows here first
        return m;
    }

    private static boolean isValidator(PeerId id, ValidatorSet validators) {
        return id.publicKey().map(PublicKey::raw)
                .map(raw -> validators.validators().stream().anyMatch(v -> java.util.Arrays.equals(v.publicKey(), raw)))
                .orElse(false);
    }
}
