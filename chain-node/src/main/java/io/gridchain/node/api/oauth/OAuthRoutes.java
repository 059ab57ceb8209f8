package io.gridchain.node.api.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridchain.identity.auth.AuthorizationServerMetadata;
import io.gridchain.identity.auth.JwksDocument;
import io.gridchain.identity.auth.OAuthError;
import io.gridchain.identity.auth.SignInService;
import io.gridchain.identity.auth.TokenResult;
import io.gridchain.node.api.ApiServer;
import io.gridchain.node.api.Json;
import io.gridchain.node.oauth.AuthorizationServer;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The OAuth-style endpoints. Token, introspection and revocation requests are form-encoded (RFC 6749
 * §4, RFC 7662, RFC 7009) and their errors are RFC 6749 §5.2 JSON ({@code error}, {@code error_description};
 * 401 for {@code invalid_client}, else 400), not problem+json. The challenge takes JSON.
 */
public final class OAuthRoutes implements ApiServer.Routes {
    private static final String FORM = "application/x-www-form-urlencoded";

    private final Supplier<AuthorizationServer> servers;

    /** {@code server} is asked per request: the node makes it once its API port (part of the issuer) is bound. */
    public OAuthRoutes(Supplier<AuthorizationServer> server) {
        this.servers = server;
    }

    @Override
    public void accept(Javalin app) {
        app.get("/.well-known/oauth-authorization-server",
                ctx -> ctx.contentType("application/json").result(AuthorizationServerMetadata.json(servers.get().config())));
        app.get("/oauth/jwks", ctx -> ctx.contentType("application/jwk-set+json").result(JwksDocument.json(servers.get().keys())));
        app.post("/oauth/challenge", this::challenge);
        app.post("/oauth/token", this::token);
        app.post("/oauth/introspect", this::introspect);
        app.post("/oauth/revoke", this::revoke);
    }

    private void challenge(Context ctx) {
        JsonNode body = Json.readObject(ctx);
        String address = body.hasNonNull("address") ? body.get("address").asText() : null;
        String audience = body.hasNonNull("audience") ? body.get("audience").asText() : null;
        if (address == null || audience == null) {
            error(ctx, OAuthError.invalidRequest("address and audience are required"));
            return;
        }
        AuthorizationServer server = servers.get();
        SignInService.ChallengeResult result = server.signIn().challenge(address, audience);
        if (result instanceof SignInService.ChallengeResult.Refused r) {
            error(ctx, r.error());
            return;
        }
        SignInService.ChallengeResult.Issued issued = (SignInService.ChallengeResult.Issued) result;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nonce", issued.nonce());
        m.put("message", issued.message());
        m.put("expiresAt", issued.expiresAt().toString());
        noStore(ctx).json(m);
    }

    private void token(Context ctx) {
        Optional<Map<String, String>> form = form(ctx);
        if (form.isEmpty()) {
            return;
        }
        TokenResult result = servers.get().signIn().token(form.get());
        if (result instanceof TokenResult.Refused r) {
            error(ctx, r.error());
            return;
        }
        noStore(ctx).json(((TokenResult.Issued) result).toMap());
    }

    private void introspect(Context ctx) {
        Optional<Authenticated> request = authenticated(ctx);
        if (request.isEmpty()) {
            return;
        }
        String token = request.get().form().get("token");
        if (token == null) {
            error(ctx, OAuthError.invalidRequest("token is required"));
            return;
        }
        noStore(ctx).json(servers.get().introspection().introspect(token));
    }

    private void revoke(Context ctx) {
        Optional<Authenticated> request = authenticated(ctx);
        if (request.isEmpty()) {
            return;
        }
        Optional<OAuthError> refused = servers.get().introspection().revoke(request.get().form().get("token"),
                request.get().caller());
        if (refused.isPresent()) {
            error(ctx, refused.get());
            return;
        }
        ctx.status(200).contentType("application/json").result("{}");
    }

    /** A form request and the identity that the node authenticated as its caller. */
    private record Authenticated(Map<String, String> form, String caller) {}

    private Optional<Authenticated> authenticated(Context ctx) {
        Optional<Map<String, String>> form = form(ctx);
        if (form.isEmpty()) {
            return Optional.empty();
        }
        AuthorizationServer.Caller caller = servers.get().authenticateCaller(form.get(),
                Optional.ofNullable(ctx.header("Authorization")));
        if (caller instanceof AuthorizationServer.Caller.Refused r) {
            error(ctx, r.error());
            return Optional.empty();
        }
        return Optional.of(new Authenticated(form.get(), ((AuthorizationServer.Caller.Identified) caller).identity()));
    }

    /** The decoded form; a parameter given twice is refused (RFC 6749 §3.1, §3.2). */
    private static Optional<Map<String, String>> form(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith(FORM)) {
            error(ctx, OAuthError.invalidRequest("the request body must be " + FORM));
            return Optional.empty();
        }
        FormBody.Parsed parsed = FormBody.parse(ctx.body());
        if (parsed instanceof FormBody.Parsed.Refused r) {
            error(ctx, OAuthError.invalidRequest(r.reason()));
            return Optional.empty();
        }
        return Optional.of(((FormBody.Parsed.Form) parsed).params());
    }

    private static Context noStore(Context ctx) {
        return ctx.header("Cache-Control", "no-store").header("Pragma", "no-cache");
    }

    private static void error(Context ctx, OAuthError error) {
        int status = OAuthError.INVALID_CLIENT.equals(error.error()) ? 401 : 400;
        if (status == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"gridchain\"");
        }
        if (OAuthError.TEMPORARILY_UNAVAILABLE.equals(error.error())) {
            status = 503;
        }
        noStore(ctx).status(status).json(error.toMap());
    }
}
