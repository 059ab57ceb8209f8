package io.gridchain.p2p.crypto;

/** A remote or local identity key: verifies libp2p signatures. */
public sealed interface PublicKey permits Ed25519PublicKey, Secp256k1PublicKey {
  KeyType type();

  /** The key bytes as the peer-ids spec puts them in the protobuf Data field. */
  byte[] raw();

  boolean verify(byte[] data, byte[] signature);

  default byte[] toProtobuf() {
    return KeyProtobuf.encode(type(), raw());
  }
}
