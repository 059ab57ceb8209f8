package io.gridchain.p2p.crypto;

import static io.gridchain.p2p.Vectors.hex;
import static io.gridchain.p2p.Vectors.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridchain.p2p.PeerId;
import io.gridchain.p2p.Vectors;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Keys, their protobuf form and peer ids agree byte for byte with js-libp2p's vectors. */
class KeysAndPeerIdsTest {

  @ParameterizedTest
  @CsvSource({"ed25519,ED25519", "secp256k1,SECP256K1"})
  void keyFromRawInputMatchesJs(String file, KeyType type) {
    JsonNode v = Vectors.load(file);
    PrivateKey key = PrivateKey.fromRaw(type, hex(v, "key.inputHex"));
    assertThat(key.toProtobuf()).isEqualTo(hex(v, "key.privateKeyProtobufHex"));
    assertThat(key.publicKey().toProtobuf()).isEqualTo(hex(v, "key.publicKeyProtobufHex"));
    assertThat(key.publicKey().raw()).isEqualTo(hex(v, "key.publicKeyRawHex"));
    PeerId id = PeerId.fromPublicKey(key.publicKey());
    assertThat(id.toString()).isEqualTo(text(v, "peerId.base58btc"));
    assertThat(id.toBytes()).isEqualTo(hex(v, "peerId.multihashHex"));
  }

  @ParameterizedTest
  @CsvSource({"ed25519", "secp256k1"})
  void protobufKeysDecodeAndPeerIdsRoundTrip(String file) {
    JsonNode v = Vectors.load(file);
    PrivateKey key = KeyProtobuf.decodePrivateKey(hex(v, "key.privateKeyProtobufHex"));
    PublicKey pub = KeyProtobuf.decodePublicKey(hex(v, "key.publicKeyProtobufHex"));
    assertThat(key.publicKey()).isEqualTo(pub);
    PeerId id = PeerId.fromString(text(v, "peerId.base58btc"));
    assertThat(id.publicKey()).contains(pub);
    assertThat(id.matches(pub)).isTrue();
  }

  @ParameterizedTest
  @CsvSource({"ED25519", "SECP256K1"})
  void signaturesVerifyAndTamperingIsDetected(KeyType type) {
    PrivateKey key = PrivateKey.generate(type);
    byte[] msg = "gridchain".getBytes(StandardCharsets.UTF_8);
    byte[] sig = key.sign(msg);
    assertThat(key.publicKey().verify(msg, sig)).isTrue();
    assertThat(key.publicKey().verify("gridchaim".getBytes(StandardCharsets.UTF_8), sig)).isFalse();
    sig[sig.length - 1] ^= 1;
    assertThat(key.publicKey().verify(msg, sig)).isFalse();
  }

  @Test
  void secp256k1SignaturesAreLowSAndHighSIsRefusedLikeJs() {
    JsonNode v = Vectors.load("secp256k1");
    PrivateKey key = PrivateKey.fromRaw(KeyType.SECP256K1, hex(v, "key.inputHex"));
    byte[] input = hex(v, "noise.signatureInputHex");
    assertThat(key.sign(input)).isEqualTo(hex(v, "noise.identitySigHex"));
    assertThat(key.publicKey().verify(input, hex(v, "secp256k1LowS.highSSigHex"))).isFalse();
    for (int i = 0; i < 50; i++) {
      byte[] sig = key.sign(new byte[] {(byte) i});
      java.math.BigInteger[] rs = decode(sig);
      assertThat(rs[1]).isLessThanOrEqualTo(Secp256k1Curve.HALF_N);
    }
  }

  @Test
  void malformedKeysAndIdsAreRefused() {
    assertThatThrownBy(() -> KeyProtobuf.decodePublicKey(new byte[] {8, 0, 18, 3, 1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsupported key type 0");
    assertThatThrownBy(() -> KeyProtobuf.decodePublicKey(new byte[] {8, 1, 18, 3, 1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KeyProtobuf.decodePublicKey(new byte[] {8, 1, 18, 100}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PeerId.fromString("0OIl")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PeerId.fromBytes(new byte[] {0x12, 5, 1})).isInstanceOf(IllegalArgumentException.class);
  }

  private static java.math.BigInteger[] decode(byte[] der) {
    try {
      return org.bouncycastle.crypto.signers.StandardDSAEncoding.INSTANCE.decode(Secp256k1Curve.DOMAIN.getN(), der);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
