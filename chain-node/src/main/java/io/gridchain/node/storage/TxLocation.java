package io.gridchain.node.storage;

import java.nio.ByteBuffer;

/** Where a committed transaction is: its block height and its index in the block. */
public record TxLocation(long height, int index) {
    static final Codec<TxLocation> CODEC = Codec.of(
            l -> ByteBuffer.allocate(12).putLong(l.height).putInt(l.index).array(),
            b -> {
                ByteBuffer buf = ByteBuffer.wrap(b);
                return new TxLocation(buf.getLong(), buf.getInt());
            });
}
