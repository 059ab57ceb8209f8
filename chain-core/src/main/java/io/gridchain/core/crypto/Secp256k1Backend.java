package io.gridchain.core.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Locale;
import org.web3j.crypto.ECDSASignature;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

/**
 * The secp256k1 work: public-key recovery, the costliest step of admitting a transaction and of
 * checking a block or a vote, and signing (votes, proposals, wallets). It runs in bitcoin-core's
 * libsecp256k1 (through ACINQ's JNI binding) where its native library loads — recovery about four
 * times and signing about six times Bouncy Castle's speed on this project's machines — and in Bouncy
 * Castle (through web3j) elsewhere. The two agree on every input (both sign with RFC 6979 nonces and
 * low s); tests check that.
 * {@code -Dgridchain.secp256k1=java} forces the Java path (to compare, or to rule out the native one).
 */
public final class Secp256k1Backend {
    private interface Backend {
        String name();

        BigInteger recover(BigInteger r, BigInteger s, int recoveryId, byte[] digest);

        /** (r, s) with low s, the nonce from RFC 6979. */
        BigInteger[] sign(ECKeyPair key, byte[] digest);
    }

    // declared before BACKEND: static fields initialise in order, and choose() may return this one
    private static final Backend JAVA = new Backend() {
        @Override
        public String name() {
            return "Bouncy Castle (Java)";
        }

        @Override
        public BigInteger recover(BigInteger r, BigInteger s, int recoveryId, byte[] digest) {
            try {
                return Sign.recoverFromSignature(recoveryId, new ECDSASignature(r, s), digest);
            } catch (IllegalArgumentException e) {
                return null; // r is the x of no curve point ("Invalid point compression"): nobody's signature
            }
        }

        @Override
        public BigInteger[] sign(ECKeyPair key, byte[] digest) {
            ECDSASignature sig = key.sign(digest); // canonicalised to low s by web3j
            return new BigInteger[] {sig.r, sig.s};
        }
    };

    private static final Backend BACKEND = choose(System.getProperty("gridchain.secp256k1", "auto"));

    private Secp256k1Backend() {}

    /** Which implementation recovers keys in this process, for the startup log and benchmarks. */
    public static String backend() {
        return BACKEND.name();
    }

    /** The 64-byte public key (x ‖ y, as a number) that made (r, s, recoveryId) over digest, or null if none can. */
    static BigInteger recover(BigInteger r, BigInteger s, int recoveryId, byte[] digest) {
        return BACKEND.recover(r, s, recoveryId, digest);
    }

    static BigInteger[] sign(ECKeyPair key, byte[] digest) {
        return BACKEND.sign(key, digest);
    }

    static BigInteger[] signWithJava(ECKeyPair key, byte[] digest) {
        return JAVA.sign(key, digest);
    }

    static BigInteger recoverWithJava(BigInteger r, BigInteger s, int recoveryId, byte[] digest) {
        return JAVA.recover(r, s, recoveryId, digest);
    }

    private static Backend choose(String wanted) {
        String w = wanted.toLowerCase(Locale.ROOT);
        if (!w.equals("auto") && !w.equals("native") && !w.equals("java")) {
            throw new IllegalStateException("-Dgridchain.secp256k1 must be auto, native or java, not " + wanted);
        }
        if (w.equals("java")) {
            return JAVA;
        }
        try {
            return new Native(fr.acinq.secp256k1.Secp256k1.get());
        } catch (LinkageError | RuntimeException e) {
            if (w.equals("native")) {
                throw new IllegalStateException("-Dgridchain.secp256k1=native, but libsecp256k1 did not load: " + e, e);
            }
            return JAVA; // no native library for this platform: slower, still correct
        }
    }

    private static final class Native implements Backend {
        private final fr.acinq.secp256k1.Secp256k1 lib;

        Native(fr.acinq.secp256k1.Secp256k1 lib) {
            this.lib = lib;
        }

        @Override
        public String name() {
            return "libsecp256k1 (native)";
        }

        @Override
        public BigInteger recover(BigInteger r, BigInteger s, int recoveryId, byte[] digest) {
            if (r.signum() <= 0 || s.signum() <= 0 || r.compareTo(Signature.N) >= 0 || s.compareTo(Signature.N) >= 0
                    || recoveryId < 0 || recoveryId > 3 || digest.length != 32) {
                return null;
            }
            byte[] compact = new byte[64];
            put32(r, compact, 0);
            put32(s, compact, 32);
            try {
                byte[] uncompressed = lib.ecdsaRecover(compact, digest, recoveryId); // 0x04 ‖ x ‖ y
                return new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 65));
            } catch (RuntimeException e) {
                return null; // no point has this r: not a signature of anyone
            }
        }

        @Override
        public BigInteger[] sign(ECKeyPair key, byte[] digest) {
            byte[] secret = new byte[32];
            put32(key.getPrivateKey(), secret, 0);
            try {
                byte[] compact = lib.sign(digest, secret, null); // r ‖ s, s normalised low; no extra nonce data
                return new BigInteger[] {new BigInteger(1, Arrays.copyOfRange(compact, 0, 32)),
                        new BigInteger(1, Arrays.copyOfRange(compact, 32, 64))};
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
        }

        private static void put32(BigInteger v, byte[] out, int at) {
            byte[] b = v.toByteArray();
            int len = Math.min(b.length, 32);
            System.arraycopy(b, b.length - len, out, at + 32 - len, len);
        }
    }
}
