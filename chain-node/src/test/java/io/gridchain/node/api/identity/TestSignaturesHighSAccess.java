package io.gridchain.node.api.identity;

import io.gridchain.core.crypto.Signature;
import java.math.BigInteger;
import org.web3j.crypto.Sign;

/** The high-s twin of a valid signature, (r, n − s) with the other recovery id: must be refused. */
public final class TestSignaturesHighSAccess {
    private TestSignaturesHighSAccess() {}

    public static byte[] of(Signature sig) {
        BigInteger n = Sign.CURVE_PARAMS.getN();
        byte[] out = sig.bytes();
        byte[] s = n.subtract(sig.s()).toByteArray();
        byte[] s32 = new byte[32];
        int len = Math.min(s.length, 32);
        System.arraycopy(s, s.length - len, s32, 32 - len, len);
        System.arraycopy(s32, 0, out, 32, 32);
        out[64] = (byte) (sig.v() == 27 ? 28 : 27);
        return out;
    }
}
