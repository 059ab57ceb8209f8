package io.gridchain.p2p.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class VarintTest {
    @Test
    void readsMinimalVarints() {
        assertThat(Varint.read(Unpooled.wrappedBuffer(new byte[] {0}))).isZero();
        assertThat(Varint.read(Unpooled.wrappedBuffer(new byte[] {(byte) 0x96, 0x01}))).isEqualTo(150);
        assertThat(Varint.read(Unpooled.wrappedBuffer(new byte[] {(byte) 0x80}))).isEqualTo(Varint.INCOMPLETE);
    }

    /**
     * Found by RequestResponseFramingFuzzTest: 0x86 0x00 was read as 6, a second encoding of a length
     * the multiformats unsigned-varint spec gives one (minimal) encoding; go-libp2p refuses it too.
     */
    @Test
    void refusesNonMinimalVarints() {
        assertThat(Varint.read(Unpooled.wrappedBuffer(new byte[] {(byte) 0x86, 0x00}))).isEqualTo(Varint.MALFORMED);
        assertThat(Varint.read(Unpooled.wrappedBuffer(new byte[] {(byte) 0x80, (byte) 0x80, 0x00}))).isEqualTo(Varint.MALFORMED);
        LengthPrefixedReader reader = new LengthPrefixedReader(io.netty.buffer.ByteBufAllocator.DEFAULT, 100);
        reader.add(Unpooled.wrappedBuffer(new byte[] {(byte) 0x83, 0x00, 1, 2, 3}));
        assertThat(reader.next()).isInstanceOf(LengthPrefixedReader.Malformed.class);
        reader.release();
    }
}
