package io.gridchain.core.exec;

import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;
import io.gridchain.core.tx.Event;
import java.util.ArrayList;
import java.util.List;

/** The record of a committed transaction: where it is and what it did. Blocks carry only successes. */
public record Receipt(Hash32 txHash, long height, int index, long fee, List<Event> events) {
    public Receipt {
        events = List.copyOf(events);
    }

    public byte[] encode() {
        List<byte[]> evs = new ArrayList<>();
        for (Event e : events) {
            evs.add(e.encode());
        }
        return Rlp.list(Rlp.bytes(txHash.bytes()), Rlp.uint(height), Rlp.uint(index), Rlp.uint(fee), Rlp.list(evs));
    }

    public static Receipt decode(byte[] bytes) {
        RlpReader r = RlpReader.ofList(bytes);
        Hash32 hash = Hash32.of(r.bytes(32, "tx hash"));
        long height = r.uint64("height");
        int index = r.uint32("index");
        long fee = r.uint64("fee");
        RlpReader evs = r.list();
        List<Event> events = new ArrayList<>();
        while (evs.hasNext()) {
            events.add(Event.decode(evs));
        }
        return new Receipt(hash, height, index, fee, events);
    }
}
