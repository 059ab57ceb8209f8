package io.gridchain.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Our ES256 against the JDK's, through nimbus: each verifies what the other signed, and nothing else. */
class Es256Test {
    private final ECKey key = generate();
    private final JWSHeader es256 = new JWSHeader(JWSAlgorithm.ES256);

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID("k").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private JWSObject signedWith(com.nimbusds.jose.JWSSigner signer) throws Exception {
        JWSObject jws = new JWSObject(es256, new Payload("{\"sub\":\"alice\"}"));
        jws.sign(signer);
        return JWSObject.parse(jws.serialize());
    }

    @Test
    void theJdkVerifiesOurSignaturesAndWeVerifyTheJdks() throws Exception {
        assertThat(signedWith(Es256.signer(key)).verify(new ECDSAVerifier(key.toPublicJWK()))).isTrue();
        assertThat(signedWith(new ECDSASigner(key)).verify(Es256.verifier(key.toPublicJWK()))).isTrue();
    }

    @Test
    void signaturesAreDeterministic() throws Exception {
        assertThat(signedWith(Es256.signer(key)).serialize()).isEqualTo(signedWith(Es256.signer(key)).serialize());
    }

    @Test
    void anAlteredMessageOrSignatureOrAnotherKeyIsRefused() throws Exception {
        JWSObject jws = signedWith(Es256.signer(key));
        byte[] input = jws.getSigningInput();
        byte[] sig = jws.getSignature().decode();
        var verifier = Es256.verifier(key.toPublicJWK());
        assertThat(verifier.verify(es256, input, jws.getSignature())).isTrue();

        byte[] otherInput = Arrays.copyOf(input, input.length);
        otherInput[otherInput.length - 1] ^= 1;
        assertThat(verifier.verify(es256, otherInput, jws.getSignature())).isFalse();
        byte[] flipped = sig.clone();
        flipped[40] ^= 1;
        assertThat(verifier.verify(es256, input, Base64URL.encode(flipped))).isFalse();
        assertThat(Es256.verifier(generate().toPublicJWK()).verify(es256, input, jws.getSignature())).isFalse();
    }

    @Test
    void malformedSignaturesAreFalseNotExceptions() throws Exception {
        byte[] input = "a.b".getBytes(StandardCharsets.US_ASCII);
        var verifier = Es256.verifier(key.toPublicJWK());
        assertThat(verifier.verify(es256, input, Base64URL.encode(new byte[63]))).isFalse();
        assertThat(verifier.verify(es256, input, Base64URL.encode(new byte[64]))).isFalse();
        byte[] overOrder = new byte[64];
        Arrays.fill(overOrder, (byte) 0xff);
        assertThat(verifier.verify(es256, input, Base64URL.encode(overOrder))).isFalse();
        // DER, as a JCA signature would be, is not JOSE's R ‖ S
        assertThat(verifier.verify(es256, input, Base64URL.encode(new byte[72]))).isFalse();
    }

    @Test
    void otherAlgorithmsAndCurvesAreRefused() throws Exception {
        var verifier = Es256.verifier(key.toPublicJWK());
        assertThatThrownBy(() -> verifier.verify(new JWSHeader(JWSAlgorithm.ES384), new byte[1], Base64URL.encode(new byte[64])))
                .isInstanceOf(JOSEException.class).hasMessageContaining("ES384");
        ECKey p384 = new ECKeyGenerator(Curve.P_384).generate();
        assertThatThrownBy(() -> Es256.signer(p384)).hasMessageContaining("P-256");
        assertThatThrownBy(() -> Es256.signer(key.toPublicJWK())).hasMessageContaining("private");
    }
}
