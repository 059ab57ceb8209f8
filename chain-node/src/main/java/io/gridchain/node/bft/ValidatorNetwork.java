package io.gridchain.node.bft;

import io.gridchain.core.crypto.SigningKey;
import io.gridchain.node.config.NetworkConfig;
import io.gridchain.p2p.PeerId;
import io.gridchain.p2p.crypto.Secp256k1PrivateKey;
import io.gridchain.p2p.host.HostConfig;
import io.gridchain.p2p.host.Libp2pNetwork;
import io.gridchain.p2p.multiaddr.Multiaddr;
import java.util.ArrayList;
import java.util.List;

/** Starts the node's libp2p host with the node's own secp256k1 key, so one key names it on chain and on the wire. */
public final class ValidatorNetwork {
    private ValidatorNetwork() {}

    /** Slots of the 64 that peers outside the validator set (observers, strangers) share. */
    static final int OBSERVER_SLOTS = 48;

    /** Starts the host; the current validators of {@code validators} always find a connection slot. */
    public static Libp2pNetwork start(SigningKey key, NetworkConfig config, java.util.function.Supplier<io.gridchain.core.validator.ValidatorSet> validators) {
        List<Multiaddr> bootstrap = new ArrayList<>();
        for (String addr : config.bootstrap()) {
            try {
                bootstrap.add(Multiaddr.parse(addr));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("bootstrap address '" + addr + "': " + e.getMessage());
            }
        }
        HostConfig host = HostConfig.builder(Secp256k1PrivateKey.fromScalar(key.privateKeyBytes()))
                .listen(List.of(Multiaddr.parse("/ip4/" + config.p2pHost() + "/tcp/" + config.p2pPort())))
                .bootstrap(bootstrap).reserve(new ValidatorPeers(validators), OBSERVER_SLOTS).build();
        try {
            return Libp2pNetwork.start(host);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the libp2p host", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // Netty rethrows the listener's BindException undeclared; unchecked, the caller's cleanup sees it
            if (e instanceof java.io.IOException io) {
                throw new java.io.UncheckedIOException(io.getMessage(), io);
            }
            throw new IllegalStateException("starting the libp2p host failed: " + e, e);
        }
    }

    public static PeerId peerIdOf(SigningKey key) {
        return PeerId.fromPublicKey(Secp256k1PrivateKey.fromScalar(key.privateKeyBytes()).publicKey());
    }
}
