package io.gridchain.consensus.signing;

import io.gridchain.consensus.message.MessageType;
import io.gridchain.core.crypto.Signature;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpException;
import io.gridchain.core.rlp.RlpReader;
import java.util.ArrayList;
import java.util.List;

/**
 * What the signing guard remembers: every message it signed at the latest height it signed at, in
 * signing order (so the last record is the highest (round, step)). Keeping the whole height rather
 * than only the last message lets a replayed write-ahead log re-obtain the very same signatures.
 */
public record GuardState(long height, List<SignRecord> records) {
    public static final GuardState EMPTY = new GuardState(-1, List.of());

    public GuardState {
        records = List.copyOf(records);
    }

    public record SignRecord(int round, MessageType type, byte[] signBytes, Signature signature) {
        public SignRecord {
            signBytes = signBytes.clone();
        }

        /** Orders (round, step) pairs; the step order is proposal, prevote, precommit. */
        long slot() {
            return slot(round, type);
        }

        static long slot(int round, MessageType type) {
            return ((long) round << 2) | type.code();
        }
    }

    public byte[] encode() {
        List<byte[]> items = new ArrayList<>(records.size());
        for (SignRecord r : records) {
            items.add(Rlp.list(Rlp.uint(r.round()), Rlp.uint(r.type().code()), Rlp.bytes(r.signBytes()),
                    Rlp.bytes(r.signature().bytes())));
        }
        return Rlp.list(Rlp.uint(height + 1), Rlp.list(items));
    }

    public static GuardState decode(byte[] encoded) {
        RlpReader r = RlpReader.ofList(encoded);
        long height = r.uint64("guard height") - 1;
        RlpReader list = r.list();
        List<SignRecord> records = new ArrayList<>();
        while (list.hasNext()) {
            RlpReader item = list.list();
            int round = item.uint32("guard round");
            MessageType type = MessageType.ofCode(item.uint64("guard type"));
            byte[] signBytes = item.bytes();
            Signature.Decoded d = Signature.decode(item.bytes());
            if (!(d instanceof Signature.Decoded.Valid valid)) {
                throw new RlpException("guard signature: " + ((Signature.Decoded.Invalid) d).reason());
            }
            item.finish("guard record");
            records.add(new SignRecord(round, type, signBytes, valid.signature()));
        }
        r.finish("guard state");
        return new GuardState(height, records);
    }
}
