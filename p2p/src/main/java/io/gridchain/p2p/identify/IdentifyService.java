package io.gridchain.p2p.identify;

import io.gridchain.p2p.PeerId;
import io.gridchain.p2p.crypto.KeyProtobuf;
import io.gridchain.p2p.crypto.PublicKey;
import io.gridchain.p2p.host.HostListener;
import io.gridchain.p2p.host.Libp2pHost;
import io.gridchain.p2p.multiaddr.Multiaddr;
import io.gridchain.p2p.stream.Connection;
import io.gridchain.p2p.stream.MuxedStream;
import io.gridchain.p2p.stream.StreamHandler;
import io.gridchain.p2p.wire.LengthPrefixedReader;
import io.gridchain.p2p.wire.Varint;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** /ipfs/id/1.0.0: answers who we are, and asks every newly connected peer the same. */
public final class IdentifyService implements HostListener {
  public static final String PROTOCOL = "/ipfs/id/1.0.0";
  public static final String PROTOCOL_VERSION = "ipfs/0.1.0";
  private static final Logger LOG = LoggerFactory.getLogger(IdentifyService.class);
  private final Libp2pHost host;
  private final Map<PeerId, PeerInfo> peers = new ConcurrentHashMap<>();
  private final List<Consumer<PeerInfo>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

  public IdentifyService(Libp2pHost host) {
    this.host = host;
    host.protocols().register(PROTOCOL, (stream, protocol) -> answer(stream));
    host.addListener(this);
  }

  public void addListener(Consumer<PeerInfo> l) {
    listeners.add(l);
  }

  public Optional<PeerInfo> info(PeerId peer) {
    return Optional.ofNullable(peers.get(peer));
  }

  private StreamHandler answer(MuxedStream stream) {
    byte[] msg = localMessage(stream.connection()).encode();
    ByteBuf out = stream.alloc().buffer(msg.length + 5);
    Varint.write(out, msg.length);
    out.writeBytes(msg);
    stream.write(out);
    stream.closeWrite();
    return (s, data) -> data.release();
  }

  private IdentifyMessage localMessage(Connection c) {
    List<byte[]> addrs = host.listenAddresses().stream().map(m -> m.withoutPeerId().toBytes()).toList();
    return new IdentifyMessage(PROTOCOL_VERSION, host.config().agentVersion(),
        host.config().privateKey().publicKey().toProtobuf(), addrs, c.remoteAddress().toBytes(), host.protocols().protocols());
  }

  @Override
  public void onPeerConnected(Connection connection) {
    connection.openStream(List.of(PROTOCOL), (stream, p) -> new Reader(connection))
        .exceptionally(e -> {
          LOG.debug("identify of {} failed: {}", connection.remotePeer(), e.getMessage());
          return null;
        });
  }

  @Override
  public void onPeerDisconnected(PeerId peer) {
    peers.remove(peer);
  }

  private void accept(Connection c, byte[] bytes) {
    IdentifyMessage m;
    PublicKey key;
    try {
      m = IdentifyMessage.decode(bytes);
      key = m.publicKey() == null ? c.remoteKey() : KeyProtobuf.decodePublicKey(m.publicKey());
    } catch (IllegalArgumentException e) {
      LOG.info("ignoring identify from {}: {}", c.remotePeer(), e.getMessage());
      return;
    }
    if (!c.remotePeer().matches(key)) {
      LOG.info("ignoring identify from {}: its key names another peer", c.remotePeer());
      return;
    }
    PeerInfo info = new PeerInfo(c.remotePeer(), key, m.agentVersion(), m.protocolVersion(), List.copyOf(m.protocols()),
        addrs(m.listenAddrs()), m.observedAddr() == null ? null : addr(m.observedAddr()));
    peers.put(c.remotePeer(), info);
    listeners.forEach(l -> l.accept(info));
  }

  private static List<Multiaddr> addrs(List<byte[]> raw) {
    List<Multiaddr> out = new ArrayList<>();
    for (byte[] r : raw) {
      Multiaddr m = addr(r);
      if (m != null) {
        out.add(m);
      }
    }
    return out;
  }

  private static Multiaddr addr(byte[] raw) {
    try {
      return Multiaddr.fromBytes(raw);
    } catch (IllegalArgumentException e) {
      return null; // a transport we do not speak (quic, ws…)
    }
  }

  /** Reads the one length-prefixed message the remote sends, then its FIN. */
  private final class Reader implements StreamHandler {
    private final Connection connection;
    private LengthPrefixedReader reader;
    private boolean done;

    Reader(Connection connection) {
      this.connection = connection;
    }

    @Override
    public void onData(MuxedStream stream, ByteBuf data) {
      if (reader == null) {
        reader = new LengthPrefixedReader(stream.alloc(), IdentifyMessage.MAX_SIZE);
      }
      if (done) {
        data.release();
        return;
      }
      reader.add(data);
      LengthPrefixedReader.Result r = reader.next();
      if (r instanceof LengthPrefixedReader.Message m) {
        done = true;
        byte[] bytes = new byte[m.body().readableBytes()];
        m.body().readBytes(bytes).release();
        accept(connection, bytes);
        stream.closeWrite();
      } else if (!(r instanceof LengthPrefixedReader.NeedMore)) {
        done = true;
        LOG.info("identify from {}: bad message {}", connection.remotePeer(), r);
        stream.reset();
      }
    }

    @Override
    public void onClosed(MuxedStream stream) {
      if (reader != null) {
        reader.release();
      }
    }
  }
}
