package io.gridchain.core.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Keccak-256 as Ethereum uses it: the Keccak-f[1600] sponge with a 136-byte rate and the original
 * 0x01 padding. Written for 64-bit lanes because a block's state commitment hashes every Merkle
 * node it writes: Bouncy Castle's general sponge spent about as long absorbing byte-wise, setting
 * up and squeezing as on the permutation. Checked against Bouncy Castle in the tests.
 */
final class Keccak256 {
    private static final int RATE = 136;
    private static final VarHandle LANE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long[] ROUND_CONSTANTS = {
        0x0000000000000001L, 0x0000000000008082L, 0x800000000000808aL, 0x8000000080008000L,
        0x000000000000808bL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
        0x000000000000008aL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000aL,
        0x000000008000808bL, 0x800000000000008bL, 0x8000000000008089L, 0x8000000000008003L,
        0x8000000000008002L, 0x8000000000000080L, 0x000000000000800aL, 0x800000008000000aL,
        0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L,
    };

    private final long[] state = new long[25];
    private final byte[] partial = new byte[RATE];
    private int partialLength;

    void update(byte[] data, int offset, int length) {
        if (partialLength > 0) {
            int take = Math.min(length, RATE - partialLength);
            System.arraycopy(data, offset, partial, partialLength, take);
            partialLength += take;
            offset += take;
            length -= take;
            if (partialLength < RATE) {
                return;
            }
            absorb(partial, 0);
            partialLength = 0;
        }
        for (; length >= RATE; offset += RATE, length -= RATE) {
            absorb(data, offset);
        }
        System.arraycopy(data, offset, partial, 0, length);
        partialLength = length;
    }

    /** Makes this sponge new again, so that one instance can hash one input after another. */
    void reset() {
        Arrays.fill(state, 0L);
        partialLength = 0;
    }

    /** Pads, absorbs the last block and returns the 32-byte digest; {@link #reset} before the next input. */
    byte[] digest() {
        Arrays.fill(partial, partialLength, RATE, (byte) 0);
        partial[partialLength] ^= 0x01;
        partial[RATE - 1] ^= (byte) 0x80;
        absorb(partial, 0);
        byte[] out = new byte[32];
        for (int i = 0; i < 4; i++) {
            LANE.set(out, i * 8, state[i]);
        }
        return out;
    }

    private void absorb(byte[] block, int offset) {
        for (int i = 0; i < RATE / 8; i++) {
            state[i] ^= (long) LANE.get(block, offset + i * 8);
        }
        permute(state);
    }

    /** Keccak-f[1600]: 24 rounds of theta, rho and pi (into b), chi and iota, on the lanes in locals. */
    static void permute(long[] state) {
        long s0 = state[0];
        long s1 = state[1];
        long s2 = state[2];
        long s3 = state[3];
        long s4 = state[4];
        long s5 = state[5];
        long s6 = state[6];
        long s7 = state[7];
        long s8 = state[8];
        long s9 = state[9];
        long s10 = state[10];
        long s11 = state[11];
        long s12 = state[12];
        long s13 = state[13];
        long s14 = state[14];
        long s15 = state[15];
        long s16 = state[16];
        long s17 = state[17];
        long s18 = state[18];
        long s19 = state[19];
        long s20 = state[20];
        long s21 = state[21];
        long s22 = state[22];
        long s23 = state[23];
        long s24 = state[24];
        for (int round = 0; round < 24; round++) {
            long c0 = s0 ^ s5 ^ s10 ^ s15 ^ s20;
            long c1 = s1 ^ s6 ^ s11 ^ s16 ^ s21;
            long c2 = s2 ^ s7 ^ s12 ^ s17 ^ s22;
            long c3 = s3 ^ s8 ^ s13 ^ s18 ^ s23;
            long c4 = s4 ^ s9 ^ s14 ^ s19 ^ s24;
            long d0 = c4 ^ Long.rotateLeft(c1, 1);
            long d1 = c0 ^ Long.rotateLeft(c2, 1);
            long d2 = c1 ^ Long.rotateLeft(c3, 1);
            long d3 = c2 ^ Long.rotateLeft(c4, 1);
            long d4 = c3 ^ Long.rotateLeft(c0, 1);
            long b0 = s0 ^ d0;
            long b1 = Long.rotateLeft(s6 ^ d1, 44);
            long b2 = Long.rotateLeft(s12 ^ d2, 43);
            long b3 = Long.rotateLeft(s18 ^ d3, 21);
            long b4 = Long.rotateLeft(s24 ^ d4, 14);
            long b5 = Long.rotateLeft(s3 ^ d3, 28);
            long b6 = Long.rotateLeft(s9 ^ d4, 20);
            long b7 = Long.rotateLeft(s10 ^ d0, 3);
            long b8 = Long.rotateLeft(s16 ^ d1, 45);
            long b9 = Long.rotateLeft(s22 ^ d2, 61);
            long b10 = Long.rotateLeft(s1 ^ d1, 1);
            long b11 = Long.rotateLeft(s7 ^ d2, 6);
            long b12 = Long.rotateLeft(s13 ^ d3, 25);
            long b13 = Long.rotateLeft(s19 ^ d4, 8);
            long b14 = Long.rotateLeft(s20 ^ d0, 18);
            long b15 = Long.rotateLeft(s4 ^ d4, 27);
            long b16 = Long.rotateLeft(s5 ^ d0, 36);
            long b17 = Long.rotateLeft(s11 ^ d1, 10);
            long b18 = Long.rotateLeft(s17 ^ d2, 15);
            long b19 = Long.rotateLeft(s23 ^ d3, 56);
            long b20 = Long.rotateLeft(s2 ^ d2, 62);
            long b21 = Long.rotateLeft(s8 ^ d3, 55);
            long b22 = Long.rotateLeft(s14 ^ d4, 39);
            long b23 = Long.rotateLeft(s15 ^ d0, 41);
            long b24 = Long.rotateLeft(s21 ^ d1, 2);
            s0 = b0 ^ (~b1 & b2);
            s1 = b1 ^ (~b2 & b3);
            s2 = b2 ^ (~b3 & b4);
            s3 = b3 ^ (~b4 & b0);
            s4 = b4 ^ (~b0 & b1);
            s5 = b5 ^ (~b6 & b7);
            s6 = b6 ^ (~b7 & b8);
            s7 = b7 ^ (~b8 & b9);
            s8 = b8 ^ (~b9 & b5);
            s9 = b9 ^ (~b5 & b6);
            s10 = b10 ^ (~b11 & b12);
            s11 = b11 ^ (~b12 & b13);
            s12 = b12 ^ (~b13 & b14);
            s13 = b13 ^ (~b14 & b10);
            s14 = b14 ^ (~b10 & b11);
            s15 = b15 ^ (~b16 & b17);
            s16 = b16 ^ (~b17 & b18);
            s17 = b17 ^ (~b18 & b19);
            s18 = b18 ^ (~b19 & b15);
            s19 = b19 ^ (~b15 & b16);
            s20 = b20 ^ (~b21 & b22);
            s21 = b21 ^ (~b22 & b23);
            s22 = b22 ^ (~b23 & b24);
            s23 = b23 ^ (~b24 & b20);
            s24 = b24 ^ (~b20 & b21);
            s0 ^= ROUND_CONSTANTS[round];
        }

        state[0] = s0;
        state[1] = s1;
        state[2] = s2;
        state[3] = s3;
        state[4] = s4;
        state[5] = s5;
        state[6] = s6;
        state[7] = s7;
        state[8] = s8;
        state[9] = s9;
        state[10] = s10;
        state[11] = s11;
        state[12] = s12;
        state[13] = s13;
        state[14] = s14;
        state[15] = s15;
        state[16] = s16;
        state[17] = s17;
        state[18] = s18;
        state[19] = s19;
        state[20] = s20;
        state[21] = s21;
        state[22] = s22;
        state[23] = s23;
        state[24] = s24;
    }
}
