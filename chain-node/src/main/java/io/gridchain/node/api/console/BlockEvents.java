package io.gridchain.node.api.console;

import io.javalin.Javalin;

/**
 * {@code GET /v1/events/blocks}: a server-sent event {@code block} for each committed block with what the
 * dashboard charts (height, time, transactions, round, proposer, mempool size); its id is the height.
 */
final class BlockEvents {
    private final BlockFeed feed;

    BlockEvents(BlockFeed feed) {
        this.feed = feed;
    }

    void register(Javalin app) {
        app.sse("/v1/events/blocks", client -> {
            client.keepAlive();
            AutoCloseable subscription = feed.subscribe(s -> client.sendEvent("block",
                    ConsoleRoutes.json(ChainPages.statMap(s)), Long.toString(s.height())));
            client.onClose(() -> {
                try {
                    subscription.close();
                } catch (Exception ignored) {
                    // removing from a list does not fail
                }
            });
            client.sendComment("subscribed to blocks");
        });
    }
}
