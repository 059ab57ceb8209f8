package io.gridchain.p2p.noise;

import static io.gridchain.p2p.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridchain.p2p.PeerId;
import io.gridchain.p2p.Vectors;
import io.gridchain.p2p.crypto.KeyType;
import io.gridchain.p2p.crypto.PrivateKey;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NoiseHandshakeTest {

  @ParameterizedTest
  @CsvSource({"ed25519,ED25519", "secp256k1,SECP256K1"})
  void handshakePayloadMatchesJsVectors(String file, KeyType type) {
    JsonNode v = Vectors.load(file);
    PrivateKey key = PrivateKey.fromRaw(type, hex(v, "key.inputHex"));
    byte[] staticKey = hex(v, "noise.staticPublicKeyHex");
    byte[] sig = key.sign(NoiseHandshake.concat(NoiseHandshake.SIG_PREFIX, staticKey));
    assertThat(sig).isEqualTo(hex(v, "noise.identitySigHex"));
    byte[] pub = key.publicKey().toProtobuf();
    assertThat(new NoisePayload(pub, sig, List.of()).encode()).isEqualTo(hex(v, "noise.payloadNoExtensionsHex"));
    assertThat(new NoisePayload(pub, sig, List.of("/yamux/1.0.0")).encode())
        .isEqualTo(hex(v, "noise.payloadWithStreamMuxersExtensionHex"));
    NoisePayload decoded = NoisePayload.decode(hex(v, "noise.payloadWithStreamMuxersExtensionHex"));
    assertThat(decoded.streamMuxers()).containsExactly("/yamux/1.0.0");
  }

  @Test
  void xxHandshakeAuthenticatesBothSidesAndAgreesOnKeys() {
    PrivateKey alice = PrivateKey.generate(KeyType.SECP256K1);
    PrivateKey bob = PrivateKey.generate(KeyType.ED25519);
    NoiseHandshake i = NoiseHandshake.initiator(alice, List.of("/yamux/1.0.0"));
    NoiseHandshake r = NoiseHandshake.responder(bob, List.of("/yamux/1.0.0"));
    NoiseHandshake.Continue b = (NoiseHandshake.Continue) r.read(i.start());
    NoiseHandshake.Done iDone = (NoiseHandshake.Done) i.read(b.reply());
    NoiseHandshake.Done rDone = (NoiseHandshake.Done) r.read(iDone.reply());
    assertThat(iDone.secured().remotePeer()).isEqualTo(PeerId.fromPublicKey(bob.publicKey()));
    assertThat(rDone.secured().remotePeer()).isEqualTo(PeerId.fromPublicKey(alice.publicKey()));
    assertThat(iDone.secured().earlyMuxer()).contains("/yamux/1.0.0");
    byte[] ct = iDone.secured().sender().encrypt(null, "hi".getBytes());
    assertThat(rDone.secured().receiver().decrypt(null, ct)).isEqualTo("hi".getBytes());
  }

  @Test
  void aTamperedMessageFailsWithAReason() {
    NoiseHandshake i = NoiseHandshake.initiator(PrivateKey.generate(KeyType.ED25519), List.of());
    NoiseHandshake r = NoiseHandshake.responder(PrivateKey.generate(KeyType.ED25519), List.of());
    byte[] b = ((NoiseHandshake.Continue) r.read(i.start())).reply();
    b[40] ^= 1;
    assertThat(i.read(b)).isInstanceOf(NoiseHandshake.Failed.class)
        .hasToString("Failed[reason=cannot decrypt the responder's static key]");
  }

  @Test
  void anEarlyMuxerIsUsedOnlyWhenBothSidesSendTheExtension() {
    PrivateKey a = PrivateKey.generate(KeyType.ED25519);
    PrivateKey c = PrivateKey.generate(KeyType.ED25519);
    NoiseHandshake i = NoiseHandshake.initiator(a, List.of("/yamux/1.0.0"));
    NoiseHandshake r = NoiseHandshake.responder(c, List.of());
    NoiseHandshake.Continue b = (NoiseHandshake.Continue) r.read(i.start());
    NoiseHandshake.Done d = (NoiseHandshake.Done) i.read(b.reply());
    assertThat(d.secured().earlyMuxer()).isEmpty();
    assertThat(d.secured().muxerExtensionUsed()).isFalse();
    NoiseHandshake.Done rd = (NoiseHandshake.Done) r.read(d.reply());
    assertThat(rd.secured().earlyMuxer()).isEmpty();
  }
}
