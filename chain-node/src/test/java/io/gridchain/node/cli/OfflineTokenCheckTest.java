package io.gridchain.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.identity.auth.AccessTokens;
import io.gridchain.identity.auth.JwksDocument;
import io.gridchain.identity.auth.TokenKeys;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a service concludes from a token and the node's JWKS alone. */
class OfflineTokenCheckTest {
    private static final String ISSUER = "http://127.0.0.1:18480";
    private static final Instant NOW = Instant.parse("2026-12-08T01:00:00Z");
    private final TokenKeys keys = TokenKeys.generate();
    private final String jwks = JwksDocument.json(keys);

    private String token(Instant issuedAt, long lifetimeSeconds) {
        AccessTokens tokens = new AccessTokens(keys, ISSUER, 1337, Clock.fixed(issuedAt, ZoneOffset.UTC));
        return tokens.issue("alice", "https://portal.example", "0x03ae6D9179B400b97F67290e2Fa2Ea9d30c93a58",
                List.of("identity", "memberof:acme"), lifetimeSeconds).token();
    }

    private static String reason(OfflineTokenCheck.Result r) {
        assertThat(r).isInstanceOf(OfflineTokenCheck.Result.Refused.class);
        return ((OfflineTokenCheck.Result.Refused) r).reason();
    }

    @Test
    void aGoodTokenGivesItsClaims() throws Exception {
        OfflineTokenCheck.Result r = OfflineTokenCheck.check(token(NOW, 900), jwks, ISSUER, "https://portal.example", NOW);
        assertThat(r).isInstanceOf(OfflineTokenCheck.Result.Valid.class);
        assertThat(((OfflineTokenCheck.Result.Valid) r).claims().getSubject()).isEqualTo("alice");
    }

    @Test
    void eachWrongThingIsNamed() {
        assertThat(reason(OfflineTokenCheck.check(token(NOW, 900), jwks, ISSUER, "https://scheduler.example", NOW)))
                .isEqualTo("the token is for audience https://portal.example, not https://scheduler.example");
        assertThat(reason(OfflineTokenCheck.check(token(NOW.minusSeconds(3600), 900), jwks, ISSUER, "https://portal.example", NOW)))
                .startsWith("the token expired at 2026-12-08T00:15:00Z");
        assertThat(reason(OfflineTokenCheck.check(token(NOW, 900), jwks, "https://other.example", "https://portal.example", NOW)))
                .contains("not by this node (https://other.example)");
        String otherNodes = JwksDocument.json(TokenKeys.generate());
        assertThat(reason(OfflineTokenCheck.check(token(NOW, 900), otherNodes, ISSUER, "https://portal.example", NOW)))
                .startsWith("the token is not signed by this node's keys");
        String[] parts = token(NOW, 900).split("\\.");
        String forged = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        assertThat(reason(OfflineTokenCheck.check(forged, jwks, ISSUER, "https://portal.example", NOW))).isNotEmpty();
        assertThat(reason(OfflineTokenCheck.check("not-a-token", jwks, ISSUER, "https://portal.example", NOW)))
                .startsWith("not a JWT");
    }
}
