package io.gridchain.identity.model;

import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;

/** One change to an identity: the height it took effect, what kind of change, and its details. */
public record HistoryEntry(long height, String kind, String detail) {
    public byte[] encode() {
        return Rlp.list(Rlp.uint(height), Rlp.string(kind), Rlp.string(detail));
    }

    public static HistoryEntry decode(RlpReader item) {
        RlpReader r = item.list();
        HistoryEntry e = new HistoryEntry(r.uint64("height"), r.string(), r.string());
        r.finish("history entry");
        return e;
    }
}
