package io.gridchain.lightclient;

/**
 * Where light blocks come from: a node's API, a peer, or a generated chain in a test. Nothing it
 * answers is trusted; the client verifies every block before it uses it.
 */
public interface LightBlockProvider {
    /** Who answers, for messages ("the node at http://…"). */
    String name();

    Fetched lightBlock(long height);

    sealed interface Fetched {
        record Found(LightBlock block) implements Fetched {}

        /** No block at that height, or the provider could not be asked; {@code reason} says which. */
        record Unavailable(String reason) implements Fetched {}
    }
}
