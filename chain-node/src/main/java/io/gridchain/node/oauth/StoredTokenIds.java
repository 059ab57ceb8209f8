package io.gridchain.node.oauth;

import io.gridchain.identity.auth.TokenIdJournal;
import io.gridchain.node.storage.Codec;
import io.gridchain.node.storage.Column;
import io.gridchain.node.storage.KeyValueStore;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A {@link TokenIdJournal} in the node's OAuth database: one column per kind of id, key the id, value
 * the expiry (epoch seconds) and the owner. {@code sync} says whether a write waits for the disk: yes for
 * revocations, whose loss would bring a revoked token back; a spent nonce or assertion id lost in a
 * power cut is one a thief would also need the signed message for.
 */
final class StoredTokenIds implements TokenIdJournal {
    private record Kept(Instant expiresAt, String owner) {}

    private static final Codec<String> ID = Codec.of(s -> s.getBytes(StandardCharsets.UTF_8),
            b -> new String(b, StandardCharsets.UTF_8));
    private static final Codec<Kept> KEPT = Codec.of(k -> {
        byte[] owner = k.owner().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(Long.BYTES + owner.length).putLong(k.expiresAt().getEpochSecond()).put(owner).array();
    }, b -> new Kept(Instant.ofEpochSecond(ByteBuffer.wrap(b).getLong()),
            new String(b, Long.BYTES, b.length - Long.BYTES, StandardCharsets.UTF_8)));

    private final KeyValueStore store;
    private final Column<String, Kept> column;
    private final boolean sync;

    StoredTokenIds(KeyValueStore store, char prefix, boolean sync) {
        this.store = store;
        this.column = new Column<>(prefix, ID, KEPT);
        this.sync = sync;
    }

    @Override
    public void put(String id, String owner, Instant expiresAt) {
        KeyValueStore.WriteBatch batch = new KeyValueStore.WriteBatch();
        column.put(batch, id, new Kept(expiresAt, owner));
        store.write(batch, sync);
    }

    @Override
    public void remove(String id) {
        KeyValueStore.WriteBatch batch = new KeyValueStore.WriteBatch();
        column.delete(batch, id);
        store.write(batch, false);
    }

    @Override
    public void replay(Visitor visitor) {
        java.util.List<java.util.Map.Entry<String, Kept>> all = new java.util.ArrayList<>();
        store.scan(column.prefix(), (key, value) -> {
            all.add(java.util.Map.entry(column.decodeKey(key), column.decodeValue(value)));
            return true;
        });
        // visited after the scan: the visitor may delete, and a scan should not see its own deletes
        all.forEach(e -> visitor.visit(e.getKey(), e.getValue().owner(), e.getValue().expiresAt()));
    }
}
