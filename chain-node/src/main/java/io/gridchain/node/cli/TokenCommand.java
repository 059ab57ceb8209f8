package io.gridchain.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import io.gridchain.wallet.NodeClient;
import java.io.PrintWriter;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gridchain token verify}: what a service does with a token it is handed. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Check access tokens as a service does.",
        subcommands = {TokenCommand.Verify.class})
final class TokenCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify TOKEN offline against the node's published keys (JWKS): signature, issuer, audience, expiry.")
    static final class Verify implements Callable<Integer> {
        @Parameters(paramLabel = "TOKEN", description = "The access token (a JWT).")
        String token;

        @Option(names = "--audience", required = true, description = "The service checking it (must be in the token's aud).")
        String audience;

        @Option(names = "--issuer", description = "The issuer to expect (default: the node's, from /.well-known/oauth-authorization-server).")
        String issuer;

        @Option(names = "--node", defaultValue = "http://127.0.0.1:8080", description = "Node API (default: ${DEFAULT-VALUE}).")
        URI node;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            NodeClient client = NodeClient.create(node);
            String expectedIssuer = issuer != null ? issuer
                    : client.read(".well-known/oauth-authorization-server").path("issuer").asText();
            JsonNode jwks = client.read("oauth/jwks");
            OfflineTokenCheck.Result result = OfflineTokenCheck.check(token.strip(), jwks.toString(), expectedIssuer, audience,
                    Instant.now());
            if (result instanceof OfflineTokenCheck.Result.Refused refused) {
                throw new CliException("token refused: " + refused.reason());
            }
            print(((OfflineTokenCheck.Result.Valid) result).claims());
            return 0;
        }

        private void print(JWTClaimsSet c) {
            PrintWriter o = spec.commandLine().getOut();
            Instant exp = c.getExpirationTime().toInstant();
            long left = Math.max(0, Duration.between(Instant.now(), exp).toSeconds());
            o.println("valid: subject " + c.getSubject());
            o.println("  scope: " + text(c, "scope"));
            o.println("  expires: " + exp + " (in " + left + " s)");
            o.println("  audience: " + String.join(", ", c.getAudience()) + "; issuer: " + c.getIssuer());
            o.println("  key: " + text(c, "addr") + "; chain " + text(c, "chain_id"));
            o.println("checked offline (signature, issuer, audience, expiry); POST /oauth/introspect tells whether it is"
                    + " still active on chain");
        }

        private static String text(JWTClaimsSet c, String name) {
            Object v = c.getClaim(name);
            if (v instanceof List<?> list) {
                return String.join(" ", list.stream().map(String::valueOf).toList());
            }
            try {
                return v == null ? "-" : c.getStringClaim(name);
            } catch (ParseException e) {
                return String.valueOf(v);
            }
        }
    }
}
