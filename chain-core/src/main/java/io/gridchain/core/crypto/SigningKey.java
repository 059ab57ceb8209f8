package io.gridchain.core.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

/** A secp256k1 private key. Signing is deterministic (RFC 6979) and always yields low-s. */
public final class SigningKey {
    private final ECKeyPair keyPair;
    private final Address address;

    private SigningKey(ECKeyPair keyPair) {
        this.keyPair = keyPair;
        this.address = Address.fromPublicKey(keyPair.getPublicKey());
    }

    public static SigningKey fromPrivateKey(byte[] privateKey32) {
        if (privateKey32.length != 32) {
            throw new IllegalArgumentException("a private key is 32 bytes, got " + privateKey32.length);
        }
        BigInteger d = new BigInteger(1, privateKey32);
        if (d.signum() == 0 || d.compareTo(Signature.N) >= 0) {
            throw new IllegalArgumentException("private key is out of range for secp256k1");
        }
        return new SigningKey(ECKeyPair.create(d));
    }

    public static SigningKey fromKeyPair(ECKeyPair keyPair) {
        return new SigningKey(keyPair);
    }

    public static SigningKey random(SecureRandom random) {
        byte[] d = new byte[32];
        while (true) {
            random.nextBytes(d);
            BigInteger k = new BigInteger(1, d);
            if (k.signum() > 0 && k.compareTo(Signature.N) < 0) {
                return fromPrivateKey(d);
            }
        }
    }

    /** Signs a 32-byte digest; callers hash their canonical bytes first. */
    public Signature sign(Hash32 digest) {
        BigInteger[] rs = Secp256k1Backend.sign(keyPair, digest.bytes());
        int recId = -1;
        for (int i = 0; i < 2; i++) { // 2 and 3 need r ≥ n, which has probability ~2^-128
            BigInteger k = Secp256k1Backend.recover(rs[0], rs[1], i, digest.bytes());
            if (keyPair.getPublicKey().equals(k)) {
                recId = i;
                break;
            }
        }
        if (recId < 0 || recId > 1) {
            throw new IllegalStateException("could not find a recovery id for our own signature");
        }
        return Signature.fromLowS(rs[0], rs[1], recId);
    }

    public Address address() {
        return address;
    }

    /** 64-byte uncompressed public key without the 0x04 prefix. */
    public byte[] publicKey() {
        byte[] raw = new byte[64];
        byte[] key = keyPair.getPublicKey().toByteArray();
        int copy = Math.min(key.length, 64);
        System.arraycopy(key, key.length - copy, raw, 64 - copy, copy);
        return raw;
    }

    /** 33-byte compressed public key, as libp2p and light clients carry it. */
    public byte[] compressedPublicKey() {
        return Sign.publicPointFromPrivate(keyPair.getPrivateKey()).getEncoded(true);
    }

    public byte[] privateKeyBytes() {
        return org.web3j.utils.Numeric.toBytesPadded(keyPair.getPrivateKey(), 32);
    }

    public ECKeyPair toKeyPair() {
        return keyPair;
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "SigningKey(" + address + ")";
    }
}
