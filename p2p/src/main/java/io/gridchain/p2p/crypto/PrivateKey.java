package io.gridchain.p2p.crypto;

import java.security.SecureRandom;

/** The local identity key; its public half names this node (its {@link io.gridchain.p2p.PeerId}). */
public sealed interface PrivateKey permits Ed25519PrivateKey, Secp256k1PrivateKey {
  KeyType type();

  PublicKey publicKey();

  byte[] sign(byte[] data);

  /** The private key bytes as the peer-ids spec puts them in the protobuf Data field. */
  byte[] raw();

  default byte[] toProtobuf() {
    return KeyProtobuf.encode(type(), raw());
  }

  static PrivateKey generate(KeyType type) {
    return generate(type, new SecureRandom());
  }

  static PrivateKey generate(KeyType type, SecureRandom random) {
    return switch (type) {
      case ED25519 -> Ed25519PrivateKey.generate(random);
      case SECP256K1 -> Secp256k1PrivateKey.generate(random);
    };
  }

  /** 32-byte seed (Ed25519) or scalar (secp256k1), as js-libp2p's generateKeyPairFromSeed / privateKeyFromRaw. */
  static PrivateKey fromRaw(KeyType type, byte[] raw) {
    return switch (type) {
      case ED25519 -> Ed25519PrivateKey.fromSeed(raw);
      case SECP256K1 -> Secp256k1PrivateKey.fromScalar(raw);
    };
  }
}
