package io.gridchain.p2p.identify;

import io.gridchain.p2p.PeerId;
import io.gridchain.p2p.crypto.PublicKey;
import io.gridchain.p2p.multiaddr.Multiaddr;
import java.util.List;

/** What a peer told us about itself through identify (addresses it could not encode are dropped). */
public record PeerInfo(
    PeerId peer, PublicKey publicKey, String agentVersion, String protocolVersion,
    List<String> protocols, List<Multiaddr> listenAddresses, Multiaddr observedAddress) {}
