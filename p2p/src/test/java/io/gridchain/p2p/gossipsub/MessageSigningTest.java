package io.gridchain.p2p.gossipsub;

import static io.gridchain.p2p.Vectors.hex;
import static io.gridchain.p2p.Vectors.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridchain.p2p.PeerId;
import io.gridchain.p2p.Vectors;
import io.gridchain.p2p.crypto.KeyType;
import io.gridchain.p2p.crypto.PrivateKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Signed messages, RPC encoding and message ids agree byte for byte with js-libp2p. */
class MessageSigningTest {

  @ParameterizedTest
  @CsvSource({"ed25519,ED25519", "secp256k1,SECP256K1"})
  void signedMessageRpcAndIdMatchJs(String file, KeyType type) throws Exception {
    JsonNode v = Vectors.load(file);
    PrivateKey key = PrivateKey.fromRaw(type, hex(v, "key.inputHex"));
    PubsubMessage unsigned = new PubsubMessage(PeerId.fromPublicKey(key.publicKey()).toBytes(),
        text(v, "pubsub.dataUtf8").getBytes(StandardCharsets.UTF_8), hex(v, "pubsub.seqnoHex"), text(v, "pubsub.topic"), null, null);
    assertThat(unsigned.encodeForSigning()).isEqualTo(hex(v, "pubsub.messageForSigningHex"));
    PubsubMessage signed = MessageSigning.sign(key, unsigned);
    assertThat(signed.signature()).isEqualTo(hex(v, "pubsub.signatureHex"));
    assertThat(signed.encode()).isEqualTo(hex(v, "pubsub.signedMessageHex"));

    GossipRpc rpc = GossipRpc.empty();
    rpc.subscriptions().add(new GossipRpc.Subscription(true, "interop"));
    rpc.publish().add(signed);
    assertThat(rpc.encode()).isEqualTo(hex(v, "pubsub.rpcSubscribeAndPublishHex"));
    assertThat(MessageSigning.messageId(key.publicKey(), signed.seqno())).isEqualTo(hex(v, "pubsub.jsDefaultMessageIdHex"));

    GossipRpc decoded = GossipRpc.decode(hex(v, "pubsub.rpcSubscribeAndPublishHex"), GossipRpc.Limits.DEFAULT);
    assertThat(MessageSigning.verify(decoded.publish().get(0))).isInstanceOf(MessageSigning.Valid.class);
    assertThat(MessageSigning.claimedId(decoded.publish().get(0))).contains(hex(v, "pubsub.jsDefaultMessageIdHex"));
    PubsubMessage keyless = new PubsubMessage(signed.from(), signed.data(), signed.seqno(), signed.topic(), signed.signature(), null);
    assertThat(MessageSigning.claimedId(keyless)).contains(hex(v, "pubsub.jsDefaultMessageIdHex"));
  }

  @ParameterizedTest
  @CsvSource({"ed25519", "secp256k1"})
  void forgedMessagesAreInvalidWithAReason(String file) throws Exception {
    JsonNode v = Vectors.load(file);
    PubsubMessage m = GossipRpc.decode(hex(v, "pubsub.rpcSubscribeAndPublishHex"), GossipRpc.Limits.DEFAULT).publish().get(0);
    PubsubMessage otherData = new PubsubMessage(m.from(), "hellO".getBytes(StandardCharsets.UTF_8), m.seqno(), m.topic(), m.signature(), m.key());
    assertThat(MessageSigning.verify(otherData)).isEqualTo(new MessageSigning.Invalid("signature does not verify"));
    PrivateKey stranger = PrivateKey.generate(KeyType.ED25519);
    PubsubMessage otherKey = new PubsubMessage(m.from(), m.data(), m.seqno(), m.topic(), m.signature(), stranger.publicKey().toProtobuf());
    assertThat(MessageSigning.verify(otherKey)).isEqualTo(new MessageSigning.Invalid("key does not belong to the from peer"));
    PubsubMessage unsigned = new PubsubMessage(m.from(), m.data(), m.seqno(), m.topic(), null, null);
    assertThat(MessageSigning.verify(unsigned)).isInstanceOf(MessageSigning.Invalid.class);
    PubsubMessage shortSeqno = new PubsubMessage(m.from(), m.data(), Arrays.copyOf(m.seqno(), 4), m.topic(), m.signature(), m.key());
    assertThat(MessageSigning.verify(shortSeqno)).isEqualTo(new MessageSigning.Invalid("seqno is not 8 bytes"));
  }
}
