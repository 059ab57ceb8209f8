package io.gridchain.core.merkle;

import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import java.util.Arrays;

/**
 * The two stored node kinds of the sparse Merkle tree. A node's hash is keccak256 of its 65-byte
 * encoding; the empty subtree hashes to {@link Hash32#ZERO}. The leading byte keeps a leaf from ever
 * being read as a branch.
 */
sealed interface SmtNode {
    byte LEAF = 0x00;
    byte BRANCH = 0x01;

    byte[] encode();

    default Hash32 hash() {
        return Keccak.hash(encode());
    }

    record Leaf(Hash32 path, Hash32 valueHash) implements SmtNode {
        @Override
        public byte[] encode() {
            return join(LEAF, path, valueHash);
        }
    }

    record Branch(Hash32 left, Hash32 right) implements SmtNode {
        @Override
        public byte[] encode() {
            return join(BRANCH, left, right);
        }
    }

    static SmtNode decode(byte[] enc) {
        if (enc.length != 65 || (enc[0] != LEAF && enc[0] != BRANCH)) {
            throw new IllegalStateException("corrupt Merkle node of " + enc.length + " bytes");
        }
        Hash32 a = Hash32.of(Arrays.copyOfRange(enc, 1, 33));
        Hash32 b = Hash32.of(Arrays.copyOfRange(enc, 33, 65));
        return enc[0] == LEAF ? new Leaf(a, b) : new Branch(a, b);
    }

    private static byte[] join(byte tag, Hash32 a, Hash32 b) {
        byte[] out = new byte[65];
        out[0] = tag;
        System.arraycopy(a.bytes(), 0, out, 1, 32);
        System.arraycopy(b.bytes(), 0, out, 33, 32);
        return out;
    }
}
