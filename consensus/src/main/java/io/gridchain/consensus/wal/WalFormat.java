package io.gridchain.consensus.wal;

import io.gridchain.consensus.Input;
import io.gridchain.core.rlp.RlpException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The consensus write-ahead log: a sequence of entries [length u32 big-endian][crc32c u32 of the
 * payload][payload = {@link InputCodec} bytes]. The node appends each input (and syncs) before it
 * applies it. When it starts height h it cuts the log (the block store holds the past) and logs
 * {@code StartHeight(h)} first; messages for h that came earlier are held outside the engine and go
 * in after it, like any other input, so each is in h's log before it takes effect. Replaying the log into a fresh
 * engine with the same signing-guard store reproduces the engine's state and outputs; if the log
 * holds no StartHeight (empty or torn), the node then applies {@code StartHeight(lastCommitted + 1)}.
 */
public final class WalFormat {
    static final int HEADER = 8;
    /** Larger entries are refused when written and read as corruption. */
    public static final int MAX_ENTRY = 16 * 1024 * 1024;

    private WalFormat() {}

    public static byte[] entry(Input input) {
        byte[] payload = InputCodec.encode(input);
        if (payload.length > MAX_ENTRY) {
            throw new IllegalArgumentException("WAL entry of " + payload.length + " bytes is over the limit");
        }
        ByteBuffer b = ByteBuffer.allocate(HEADER + payload.length);
        b.putInt(payload.length).putInt(crc(payload, 0, payload.length)).put(payload);
        return b.array();
    }

    public static WalRead read(byte[] log) {
        List<Input> inputs = new ArrayList<>();
        int pos = 0;
        while (pos < log.length) {
            if (log.length - pos < HEADER || zeros(log, pos)) {
                return new WalRead(inputs, new WalRead.TruncatedTail(pos, log.length - pos));
            }
            ByteBuffer h = ByteBuffer.wrap(log, pos, HEADER);
            int length = h.getInt();
            int crc = h.getInt();
            if (length < 0 || length > MAX_ENTRY) {
                return new WalRead(inputs, new WalRead.CorruptEntry(pos, "entry length "
                        + Integer.toUnsignedString(length) + " is out of range"));
            }
            int end = pos + HEADER + length;
            if (end > log.length || end < 0) {
                return new WalRead(inputs, new WalRead.TruncatedTail(pos, log.length - pos));
            }
            if (crc(log, pos + HEADER, length) != crc) {
                return tailOrCorrupt(inputs, pos, log.length, end == log.length, "checksum mismatch");
            }
            byte[] payload = new byte[length];
            System.arraycopy(log, pos + HEADER, payload, 0, length);
            try {
                inputs.add(InputCodec.decode(payload));
            } catch (RlpException | IllegalArgumentException e) {
                return new WalRead(inputs, new WalRead.CorruptEntry(pos, "undecodable input: " + e.getMessage()));
            }
            pos = end;
        }
        return new WalRead(inputs, new WalRead.Clean());
    }

    /** A damaged last entry is a torn append; damage with entries after it is corruption. */
    private static WalRead tailOrCorrupt(List<Input> inputs, int pos, int length, boolean last, String reason) {
        if (last) {
            return new WalRead(inputs, new WalRead.TruncatedTail(pos, length - pos));
        }
        return new WalRead(inputs, new WalRead.CorruptEntry(pos, reason));
    }

    /** Some file systems leave a zero-filled tail after a crash during an append. */
    private static boolean zeros(byte[] log, int from) {
        for (int i = from; i < log.length; i++) {
            if (log[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int crc(byte[] data, int offset, int length) {
        CRC32C c = new CRC32C();
        c.update(data, offset, length);
        return (int) c.getValue();
    }
}
