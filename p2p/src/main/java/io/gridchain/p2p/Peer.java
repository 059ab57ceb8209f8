package io.gridchain.p2p;

import io.gridchain.p2p.multiaddr.Multiaddr;
import java.util.List;

/**
 * A connected peer as the application sees it.
 *
 * @param address the remote address of our (first) connection to it
 * @param listenAddresses what it told us it listens on (identify); empty until it has
 * @param outbound whether we dialed it
 */
public record Peer(PeerId id, Multiaddr address, List<Multiaddr> listenAddresses, boolean outbound) {}
