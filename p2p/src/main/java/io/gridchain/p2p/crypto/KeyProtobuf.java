package io.gridchain.p2p.crypto;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import java.io.IOException;

/**
 * {@code message PublicKey/PrivateKey { required KeyType Type = 1; required bytes Data = 2; }}
 * The spec asks for deterministic encoding: Type first, then Data, nothing else.
 */
public final class KeyProtobuf {
  private static final int MAX_KEY_DATA = 1024;

  private KeyProtobuf() {}

  static byte[] encode(KeyType type, byte[] data) {
    int size = CodedOutputStream.computeEnumSize(1, type.protobufNumber())
        + CodedOutputStream.computeByteArraySize(2, data);
    byte[] out = new byte[size];
    CodedOutputStream cos = CodedOutputStream.newInstance(out);
    try {
      cos.writeEnum(1, type.protobufNumber());
      cos.writeByteArray(2, data);
      cos.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  /** @throws IllegalArgumentException for malformed bytes or a key type we do not accept */
  public static PublicKey decodePublicKey(byte[] bytes) {
    Decoded d = decode(bytes);
    return switch (d.type) {
      case ED25519 -> new Ed25519PublicKey(d.data);
      case SECP256K1 -> new Secp256k1PublicKey(d.data);
    };
  }

  public static PrivateKey decodePrivateKey(byte[] bytes) {
    Decoded d = decode(bytes);
    return switch (d.type) {
      case ED25519 -> Ed25519PrivateKey.fromProtobufData(d.data);
      case SECP256K1 -> Secp256k1PrivateKey.fromScalar(d.data);
    };
  }

  private record Decoded(KeyType type, byte[] data) {}

  private static Decoded decode(byte[] bytes) {
    CodedInputStream in = CodedInputStream.newInstance(bytes);
    Integer typeNumber = null;
    byte[] data = null;
    try {
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        switch (tag) {
          case 8 -> typeNumber = in.readEnum();
          case 18 -> {
            int len = in.readRawVarint32();
            if (len < 0 || len > MAX_KEY_DATA) {
              throw new IllegalArgumentException("key data too long: " + len);
            }
            data = in.readRawBytes(len);
          }
          default -> in.skipField(tag);
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed key protobuf: " + e.getMessage(), e);
    }
    if (typeNumber == null || data == null) {
      throw new IllegalArgumentException("key protobuf lacks Type or Data");
    }
    KeyType type = KeyType.fromProtobufNumber(typeNumber);
    if (type == null) {
      throw new IllegalArgumentException("unsupported key type " + typeNumber);
    }
    return new Decoded(type, data);
  }
}
