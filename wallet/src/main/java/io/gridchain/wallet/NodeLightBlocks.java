package io.gridchain.wallet;

import io.gridchain.lightclient.LightBlockProvider;

/**
 * Light blocks from a node's API ({@code GET /v1/light/{height}}). What the node says is not trusted:
 * the light client verifies it; a node that cannot answer is a reason, so a client with witnesses can
 * say which source failed.
 */
public final class NodeLightBlocks implements LightBlockProvider {
    private final NodeClient client;

    public NodeLightBlocks(NodeClient client) {
        this.client = client;
    }

    @Override
    public String name() {
        return "the node at " + client.base();
    }

    @Override
    public Fetched lightBlock(long height) {
        try {
            return new Fetched.Found(client.lightBlock(height));
        } catch (NodeProblem p) {
            return new Fetched.Unavailable("HTTP " + p.status() + ": " + p.detail().orElse(p.title()));
        } catch (NodeClientException e) {
            return new Fetched.Unavailable(e.getMessage());
        }
    }
}
