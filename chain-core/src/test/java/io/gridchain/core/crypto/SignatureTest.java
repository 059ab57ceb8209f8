package io.gridchain.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.bytes.Hex;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignatureTest {
    private final SigningKey key = SigningKey.fromPrivateKey(Hex.decode(
            "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"));
    private final Hash32 digest = Keccak.hash("hello".getBytes(StandardCharsets.UTF_8));

    @Test
    void signatureRecoversTheSignersAddress() {
        Signature sig = key.sign(digest);
        assertThat(sig.recoverSigner(digest)).contains(key.address());
        assertThat(sig.s()).isLessThanOrEqualTo(Signature.HALF_N);
    }

    @Test
    void knownKeyHasItsKnownAddress() {
        // The web3.js documentation's example key.
        assertThat(key.address().toString()).isEqualTo("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23");
    }

    @Test
    void encodingRoundTrips() {
        Signature sig = key.sign(digest);
        Signature.Decoded decoded = Signature.decode(sig.bytes());
        assertThat(decoded).isEqualTo(new Signature.Decoded.Valid(sig));
    }

    @Test
    void highSTwinIsRefused() {
        Signature sig = key.sign(digest);
        byte[] bytes = sig.bytes();
        BigInteger highS = Signature.N.subtract(sig.s());
        byte[] s = highS.toByteArray();
        System.arraycopy(s, s.length - 32, bytes, 32, 32);
        bytes[64] = (byte) (bytes[64] == 27 ? 28 : 27);
        assertThat(Signature.decode(bytes)).isInstanceOfSatisfying(Signature.Decoded.Invalid.class,
                i -> assertThat(i.reason()).contains("high-s"));
    }

    @Test
    void badVAndTruncationAreRefusedWithReasons() {
        byte[] bytes = key.sign(digest).bytes();
        bytes[64] = 29;
        assertThat(Signature.decode(bytes)).isInstanceOfSatisfying(Signature.Decoded.Invalid.class,
                i -> assertThat(i.reason()).contains("v must be 27 or 28"));
        assertThat(Signature.decode(new byte[64])).isInstanceOfSatisfying(Signature.Decoded.Invalid.class,
                i -> assertThat(i.reason()).contains("65 bytes"));
        assertThat(Signature.decode(new byte[65])).isInstanceOf(Signature.Decoded.Invalid.class);
    }

    /** A well-formed signature whose r is the x of no curve point (5): nobody's, said as a value, not thrown. */
    @Test
    void anRWithNoCurvePointRecoversNobody() {
        byte[] bytes = new byte[65];
        bytes[31] = 5;
        bytes[63] = 1;
        bytes[64] = 27;
        Signature.Decoded decoded = Signature.decode(bytes);
        assertThat(decoded).isInstanceOf(Signature.Decoded.Valid.class);
        Signature sig = ((Signature.Decoded.Valid) decoded).signature();
        assertThat(sig.recoverSigner(digest)).isEmpty();
        assertThat(sig.recoverPublicKey(digest)).isEmpty();
    }

    @Test
    void aSignatureOverAnotherDigestRecoversAnotherAddress() {
        Signature sig = key.sign(digest);
        Hash32 other = Keccak.hash("other".getBytes(StandardCharsets.UTF_8));
        assertThat(sig.recoverSigner(other)).isNotEqualTo(java.util.Optional.of(key.address()));
    }
}
