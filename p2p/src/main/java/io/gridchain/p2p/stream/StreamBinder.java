package io.gridchain.p2p.stream;

/** Makes the handler for a stream once multistream-select has agreed on its protocol. */
@FunctionalInterface
public interface StreamBinder<H extends StreamHandler> {
  H bind(MuxedStream stream, String protocol);
}
