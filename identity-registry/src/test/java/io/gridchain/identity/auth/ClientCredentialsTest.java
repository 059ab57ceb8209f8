package io.gridchain.identity.auth;

import static io.gridchain.identity.auth.AuthFixture.error;
import static io.gridchain.identity.auth.AuthFixture.issued;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.identity.TransactionBuilders;
import io.gridchain.identity.model.KeyPurpose;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientCredentialsTest {
    private final AuthFixture f = new AuthFixture();
    private final SigningKey owner = f.chain.fundedKey();
    private final SigningKey service = f.chain.key();

    @BeforeEach
    void aServiceIdentity() {
        f.chain.register(owner, "scheduler");
        f.chain.applied(owner, TransactionBuilders.addKey("scheduler", service.address(), KeyPurpose.AUTHENTICATION));
    }

    private Map<String, String> form(String assertion) {
        Map<String, String> form = new HashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", "scheduler");
        form.put("client_assertion_type", AuthConfig.JWT_BEARER_ASSERTION);
        form.put("client_assertion", assertion);
        form.put("audience", AuthFixture.AUDIENCE);
        return form;
    }

    private String assertion(SigningKey key) {
        return ClientAssertions.create(key, "scheduler", f.config.tokenEndpoint(), f.clock.instant(), Duration.ofMinutes(2));
    }

    @Test
    void anAuthenticationKeyOrTheOwnerGetsATokenForTheIdentity() {
        TokenResult.Issued token = issued(f.signIn.token(form(assertion(service))));
        assertThat(token.claims().subject()).isEqualTo("scheduler");
        assertThat(token.claims().address()).isEqualTo(service.address().toString());
        assertThat(token.claims().audience()).isEqualTo(AuthFixture.AUDIENCE);
        assertThat(issued(f.signIn.token(form(assertion(owner)))).claims().address())
                .isEqualTo(owner.address().toString());
    }

    @Test
    void aReplayedAssertionIsRefused() {
        String a = assertion(service);
        issued(f.signIn.token(form(a)));
        OAuthError e = error(f.signIn.token(form(a)));
        assertThat(e.error()).isEqualTo(OAuthError.INVALID_CLIENT);
        assertThat(e.description()).contains("already used");
    }

    @Test
    void aClientClockBehindByLessThanTheLeewayStillAuthenticates() {
        String a = assertion(service); // expires 2 minutes from now by the client's clock
        f.clock.advance(Duration.ofMinutes(2).plus(ClientAssertions.CLOCK_LEEWAY).minusSeconds(5));
        issued(f.signIn.token(form(a)));
        String b = assertion(service);
        f.clock.advance(Duration.ofMinutes(2).plus(ClientAssertions.CLOCK_LEEWAY));
        assertThat(error(f.signIn.token(form(b))).description()).contains("expired");
    }

    @Test
    void aRevokedOrForeignKeyIsRefused() {
        f.chain.applied(owner, TransactionBuilders.revokeKey("scheduler", service.address()));
        assertThat(error(f.signIn.token(form(assertion(service)))).error()).isEqualTo(OAuthError.INVALID_CLIENT);
        assertThat(error(f.signIn.token(form(assertion(f.chain.key())))).error()).isEqualTo(OAuthError.INVALID_CLIENT);
    }

    @Test
    void wrongClaimsAreRefused() {
        String otherAud = ClientAssertions.create(service, "scheduler", "https://elsewhere.example", f.clock.instant(),
                Duration.ofMinutes(2));
        assertThat(error(f.signIn.token(form(otherAud))).description()).contains("aud");
        String tooLong = ClientAssertions.create(service, "scheduler", f.config.tokenEndpoint(), f.clock.instant(),
                Duration.ofHours(1));
        assertThat(error(f.signIn.token(form(tooLong))).description()).contains("longer");
        String expired = assertion(service);
        f.clock.advance(Duration.ofMinutes(3));
        assertThat(error(f.signIn.token(form(expired))).description()).contains("expired");
        Map<String, String> otherClient = form(assertion(service));
        otherClient.put("client_id", "someone");
        assertThat(error(f.signIn.token(otherClient)).description()).contains("iss and sub");
    }

    @Test
    void onlyEs256kAssertionsAreAccepted() throws Exception {
        ECKey p256 = new ECKeyGenerator(Curve.P_256).generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).build(), new JWTClaimsSet.Builder()
                .issuer("scheduler").subject("scheduler").audience(f.config.tokenEndpoint())
                .expirationTime(Date.from(f.clock.instant().plusSeconds(60))).jwtID("x").build());
        jwt.sign(new ECDSASigner(p256));
        OAuthError e = error(f.signIn.token(form(jwt.serialize())));
        assertThat(e.error()).isEqualTo(OAuthError.INVALID_CLIENT);
        assertThat(e.description()).contains("ES256K");
    }

    @Test
    void missingParametersAreReported() {
        Map<String, String> noAssertion = form("x");
        noAssertion.remove("client_assertion");
        assertThat(error(f.signIn.token(noAssertion)).error()).isEqualTo(OAuthError.INVALID_CLIENT);
        Map<String, String> noAudience = form(assertion(service));
        noAudience.remove("audience");
        assertThat(error(f.signIn.token(noAudience)).error()).isEqualTo(OAuthError.INVALID_REQUEST);
        assertThat(error(f.signIn.token(form("not-a-jwt"))).error()).isEqualTo(OAuthError.INVALID_CLIENT);
    }
}
