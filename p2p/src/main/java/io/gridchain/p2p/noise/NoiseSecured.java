package io.gridchain.p2p.noise;

import io.gridchain.p2p.PeerId;
import io.gridchain.p2p.crypto.PublicKey;
import java.util.List;
import java.util.Optional;

/** The result of a completed handshake: who the remote proved to be, and the transport ciphers. */
public record NoiseSecured(
    PublicKey remoteKey,
    PeerId remotePeer,
    List<String> initiatorMuxers,
    List<String> responderMuxers,
    NoiseCipherState sender,
    NoiseCipherState receiver) {

  /**
   * The muxer chosen inside the handshake: the initiator's first that the responder lists. Empty
   * when either side sent no extension: then both fall back to multistream-select, and both sides
   * reach the same answer because both saw both lists.
   */
  public Optional<String> earlyMuxer() {
    if (initiatorMuxers.isEmpty() || responderMuxers.isEmpty()) {
      return Optional.empty();
    }
    return initiatorMuxers.stream().filter(responderMuxers::contains).findFirst();
  }

  public boolean muxerExtensionUsed() {
    return !initiatorMuxers.isEmpty() && !responderMuxers.isEmpty();
  }
}
