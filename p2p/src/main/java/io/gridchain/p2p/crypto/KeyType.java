package io.gridchain.p2p.crypto;

/** Key types as numbered in the libp2p peer-ids spec's protobuf {@code KeyType} enum. */
public enum KeyType {
  ED25519(1),
  SECP256K1(2);

  private final int protobufNumber;

  KeyType(int protobufNumber) {
    this.protobufNumber = protobufNumber;
  }

  public int protobufNumber() {
    return protobufNumber;
  }

  /** Returns null for RSA (0), ECDSA (3) and unknown numbers: we do not accept those keys. */
  static KeyType fromProtobufNumber(int number) {
    for (KeyType t : values()) {
      if (t.protobufNumber == number) {
        return t;
      }
    }
    return null;
  }
}
