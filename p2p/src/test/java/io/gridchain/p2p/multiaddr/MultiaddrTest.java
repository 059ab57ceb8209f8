package io.gridchain.p2p.multiaddr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridchain.p2p.PeerId;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultiaddrTest {
  static final String ID = "12D3KooWA4Xop1JaT3MHxwYMkCepYsv4iPVopMXwCz5iHYdBfeSB";

  @ParameterizedTest
  @ValueSource(strings = {
      "/ip4/127.0.0.1/tcp/4001",
      "/ip4/127.0.0.1/tcp/4001/p2p/" + ID,
      "/ip6/::1/tcp/4001",
      "/ip6/2001:db8::7:1/tcp/0/p2p/16Uiu2HAm4Ms862Gnqafssgvik4JJ1LuqWMcKNipq4nm2UaoLRbeP",
      "/dns/validator-1.gridchain.example/tcp/30303",
      "/dns4/localhost/tcp/1",
      "/p2p/" + ID})
  void textAndBinaryRoundTrip(String text) {
    Multiaddr m = Multiaddr.parse(text);
    assertThat(m.toString()).isEqualTo(text);
    assertThat(Multiaddr.fromBytes(m.toBytes())).isEqualTo(m);
  }

  @Test
  void binaryFormMatchesTheMultiaddrSpec() {
    // from the js trace: listenAddrs=047f000001060fa1 is /ip4/127.0.0.1/tcp/4001
    assertThat(HexFormat.of().formatHex(Multiaddr.parse("/ip4/127.0.0.1/tcp/4001").toBytes())).isEqualTo("047f000001060fa1");
    Multiaddr withId = Multiaddr.parse("/ip4/127.0.0.1/tcp/4001/p2p/" + ID);
    assertThat(HexFormat.of().formatHex(withId.toBytes())).startsWith("047f000001060fa1a503260024");
  }

  @Test
  void partsAreReadable() {
    Multiaddr m = Multiaddr.parse("/ip4/10.0.0.7/tcp/30303/ipfs/" + ID);
    assertThat(m.peerId()).contains(PeerId.fromString(ID));
    assertThat(m.toSocketAddress()).contains(new InetSocketAddress("10.0.0.7", 30303));
    assertThat(m.withoutPeerId().toString()).isEqualTo("/ip4/10.0.0.7/tcp/30303");
    assertThat(Multiaddr.parse("/dns/example.org/tcp/1").toSocketAddress().get().isUnresolved()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ip4/1.2.3.4", "/ip4/1.2.3", "/ip4/example.org/tcp/1", "/tcp/70000", "/ip4/1.2.3.4/tcp",
      "/udp/1", "/p2p/notbase58!", "/ip6/1.2.3.4/tcp/1"})
  void badTextIsRefused(String text) {
    assertThatThrownBy(() -> Multiaddr.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void truncatedBinaryIsRefused() {
    byte[] good = Multiaddr.parse("/ip4/127.0.0.1/tcp/4001/p2p/" + ID).toBytes();
    assertThatThrownBy(() -> Multiaddr.fromBytes(java.util.Arrays.copyOf(good, good.length - 3)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Multiaddr.fromBytes(new byte[] {(byte) 0x99, 0x01})).isInstanceOf(IllegalArgumentException.class);
  }
}
