package io.gridchain.p2p.fuzz;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a fuzz input into the reads a socket could deliver: the first byte is the chunk size
 * (1 to 256), the rest is the stream. Decoders must give the same answer however bytes arrive.
 */
public final class Chunks {
    private Chunks() {}

    public static List<ByteBuf> of(byte[] input) {
        List<ByteBuf> out = new ArrayList<>();
        if (input.length == 0) {
            return out;
        }
        int size = (input[0] & 0xFF) + 1;
        for (int i = 1; i < input.length; i += size) {
            out.add(Unpooled.wrappedBuffer(Arrays.copyOfRange(input, i, Math.min(input.length, i + size))));
        }
        return out;
    }

    public static byte[] stream(byte[] input) {
        return input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);
    }

    public static byte[] withChunkSize(int size, byte[] stream) {
        byte[] out = new byte[stream.length + 1];
        out[0] = (byte) (size - 1);
        System.arraycopy(stream, 0, out, 1, stream.length);
        return out;
    }
}
