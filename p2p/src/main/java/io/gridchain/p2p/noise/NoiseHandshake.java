package io.gridchain.p2p.noise;

import io.gridchain.p2p.PeerId;
import io.gridchain.p2p.crypto.KeyProtobuf;
import io.gridchain.p2p.crypto.PrivateKey;
import io.gridchain.p2p.crypto.PublicKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * Noise XX (-> e; <- e, ee, s, es; -> s, se) with the libp2p handshake payload, as a state machine
 * over whole handshake messages. Framing is the caller's job (see {@link NoiseHandshakeHandler}).
 */
public final class NoiseHandshake {
  static final byte[] SIG_PREFIX = "noise-libp2p-static-key:".getBytes(StandardCharsets.US_ASCII);
  private static final int DH = 32;
  private static final int ENCRYPTED_DH = DH + NoiseCipherState.TAG;

  /** What reading a message produced. */
  public sealed interface Step {}

  /** Send reply and wait for the next message. */
  public record Continue(byte[] reply) implements Step {}

  /** reply is null for the responder, which has nothing more to send. */
  public record Done(byte[] reply, NoiseSecured secured) implements Step {}

  public record Failed(String reason) implements Step {}

  private final boolean initiator;
  private final PrivateKey identity;
  private final List<String> localMuxers;
  private final NoiseSymmetricState state = new NoiseSymmetricState();
  private final byte[] staticPrivate = new byte[DH];
  private final byte[] staticPublic = new byte[DH];
  private final byte[] ephemeralPrivate = new byte[DH];
  private final byte[] ephemeralPublic = new byte[DH];
  private byte[] remoteEphemeral;
  private byte[] remoteStatic;
  private int messagesRead;

  private NoiseHandshake(boolean initiator, PrivateKey identity, List<String> localMuxers, SecureRandom random) {
    this.initiator = initiator;
    this.identity = identity;
    this.localMuxers = List.copyOf(localMuxers);
    X25519.generatePrivateKey(random, staticPrivate);
    X25519.generatePublicKey(staticPrivate, 0, staticPublic, 0);
    X25519.generatePrivateKey(random, ephemeralPrivate);
    X25519.generatePublicKey(ephemeralPrivate, 0, ephemeralPublic, 0);
  }

  /** localMuxers: the early-muxer extension; empty sends no extension (muxer by multistream-select). */
  public static NoiseHandshake initiator(PrivateKey identity, List<String> localMuxers) {
    return new NoiseHandshake(true, identity, localMuxers, new SecureRandom());
  }

  public static NoiseHandshake responder(PrivateKey identity, List<String> localMuxers) {
    return new NoiseHandshake(false, identity, localMuxers, new SecureRandom());
  }

  /** Message A (-> e), sent by the initiator; the libp2p payload of this message is empty. */
  public byte[] start() {
    if (!initiator) {
      throw new IllegalStateException("the responder does not start");
    }
    state.mixHash(ephemeralPublic);
    byte[] payload = state.encryptAndHash(new byte[0]);
    return concat(ephemeralPublic, payload);
  }

  public Step read(byte[] message) {
    messagesRead++;
    if (initiator) {
      return messagesRead == 1 ? readB(message) : new Failed("unexpected handshake message");
    }
    return switch (messagesRead) {
      case 1 -> readA(message);
      case 2 -> readC(message);
      default -> new Failed("unexpected handshake message");
    };
  }

  private Step readA(byte[] m) {
    if (m.length < DH) {
      return new Failed("handshake message A too short: " + m.length);
    }
    remoteEphemeral = Arrays.copyOf(m, DH);
    state.mixHash(remoteEphemeral);
    state.decryptAndHash(Arrays.copyOfRange(m, DH, m.length));
    // message B: e, ee, s, es, payload
    state.mixHash(ephemeralPublic);
    if (!mixDh(ephemeralPrivate, remoteEphemeral)) {
      return new Failed("invalid remote ephemeral key");
    }
    byte[] encStatic = state.encryptAndHash(staticPublic);
    mixDh(staticPrivate, remoteEphemeral);
    byte[] payload = state.encryptAndHash(localPayload().encode());
    return new Continue(concat(ephemeralPublic, concat(encStatic, payload)));
  }

  private Step readB(byte[] m) {
    if (m.length < DH + ENCRYPTED_DH + NoiseCipherState.TAG) {
      return new Failed("handshake message B too short: " + m.length);
    }
    remoteEphemeral = Arrays.copyOf(m, DH);
    state.mixHash(remoteEphemeral);
    if (!mixDh(ephemeralPrivate, remoteEphemeral)) {
      return new Failed("invalid remote ephemeral key");
    }
    remoteStatic = state.decryptAndHash(Arrays.copyOfRange(m, DH, DH + ENCRYPTED_DH));
    if (remoteStatic == null || !mixDh(ephemeralPrivate, remoteStatic)) {
      return new Failed("cannot decrypt the responder's static key");
    }
    byte[] payload = state.decryptAndHash(Arrays.copyOfRange(m, DH + ENCRYPTED_DH, m.length));
    if (payload == null) {
      return new Failed("cannot decrypt the responder's payload");
    }
    Object remote = verifyPayload(payload);
    if (remote instanceof Failed f) {
      return f;
    }
    // message C: s, se, payload
    byte[] encStatic = state.encryptAndHash(staticPublic);
    mixDh(staticPrivate, remoteEphemeral);
    byte[] ourPayload = state.encryptAndHash(localPayload().encode());
    return new Done(concat(encStatic, ourPayload), secured((NoisePayload) remote));
  }

  private Step readC(byte[] m) {
    if (m.length < ENCRYPTED_DH + NoiseCipherState.TAG) {
      return new Failed("handshake message C too short: " + m.length);
    }
    remoteStatic = state.decryptAndHash(Arrays.copyOf(m, ENCRYPTED_DH));
    if (remoteStatic == null || !mixDh(ephemeralPrivate, remoteStatic)) {
      return new Failed("cannot decrypt the initiator's static key");
    }
    byte[] payload = state.decryptAndHash(Arrays.copyOfRange(m, ENCRYPTED_DH, m.length));
    if (payload == null) {
      return new Failed("cannot decrypt the initiator's payload");
    }
    Object remote = verifyPayload(payload);
    if (remote instanceof Failed f) {
      return f;
    }
    return new Done(null, secured((NoisePayload) remote));
  }

  /** Returns the decoded payload or a Failed naming why the remote identity is not proven. */
  private Object verifyPayload(byte[] bytes) {
    NoisePayload payload;
    PublicKey key;
    try {
      payload = NoisePayload.decode(bytes);
      key = KeyProtobuf.decodePublicKey(payload.identityKey());
    } catch (IllegalArgumentException e) {
      return new Failed("bad handshake payload: " + e.getMessage());
    }
    if (!key.verify(concat(SIG_PREFIX, remoteStatic), payload.identitySig())) {
      return new Failed("identity signature over the Noise static key does not verify");
    }
    return payload;
  }

  private NoiseSecured secured(NoisePayload remote) {
    PublicKey key = KeyProtobuf.decodePublicKey(remote.identityKey());
    NoiseCipherState[] ciphers = state.split();
    NoiseCipherState send = initiator ? ciphers[0] : ciphers[1];
    NoiseCipherState receive = initiator ? ciphers[1] : ciphers[0];
    List<String> initiatorMuxers = initiator ? localMuxers : remote.streamMuxers();
    List<String> responderMuxers = initiator ? remote.streamMuxers() : localMuxers;
    return new NoiseSecured(key, PeerId.fromPublicKey(key), initiatorMuxers, responderMuxers, send, receive);
  }

  NoisePayload localPayload() {
    byte[] sig = identity.sign(concat(SIG_PREFIX, staticPublic));
    return new NoisePayload(identity.publicKey().toProtobuf(), sig, localMuxers);
  }

  private boolean mixDh(byte[] privateKey, byte[] publicKey) {
    byte[] shared = new byte[DH];
    if (!X25519.calculateAgreement(privateKey, 0, publicKey, 0, shared, 0)) {
      return false;
    }
    state.mixKey(shared);
    return true;
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
