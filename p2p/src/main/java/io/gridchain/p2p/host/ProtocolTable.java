package io.gridchain.p2p.host;

import io.gridchain.p2p.stream.MuxedStream;
import io.gridchain.p2p.stream.StreamBinder;
import io.gridchain.p2p.stream.StreamHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The protocols a host answers on inbound streams, and who handles each. */
public final class ProtocolTable {
  private final Map<String, StreamBinder<? extends StreamHandler>> binders = new ConcurrentHashMap<>();

  public void register(String protocol, StreamBinder<? extends StreamHandler> binder) {
    if (binders.putIfAbsent(protocol, binder) != null) {
      throw new IllegalStateException("protocol already registered: " + protocol);
    }
  }

  public boolean supports(String protocol) {
    return binders.containsKey(protocol);
  }

  public List<String> protocols() {
    return binders.keySet().stream().sorted().toList();
  }

  StreamHandler bind(MuxedStream stream, String protocol) {
    return binders.get(protocol).bind(stream, protocol);
  }
}
