package io.gridchain.node.api.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.state.StateReader;
import io.gridchain.identity.DidDocument;
import io.gridchain.identity.IdentityParams;
import io.gridchain.identity.IdentityQueries;
import io.gridchain.identity.IdentityState;
import io.gridchain.identity.OrgMembership;
import io.gridchain.identity.Registrars;
import io.gridchain.identity.model.Identity;
import io.gridchain.identity.model.Names;
import io.gridchain.identity.model.Organization;
import io.gridchain.node.api.ApiServer;
import io.gridchain.node.api.Json;
import io.gridchain.node.api.Params;
import io.gridchain.node.api.Problem;
import io.gridchain.node.api.ProblemException;
import io.gridchain.node.api.StateProofs;
import io.gridchain.node.chain.Ledger;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads of the identity ledger: identities, their history and DID documents, organizations, proofs. */
public final class IdentityRoutes implements ApiServer.Routes {
    private final Ledger ledger;
    private final StateProofs proofs;

    public IdentityRoutes(Ledger ledger, StateProofs proofs) {
        this.ledger = ledger;
        this.proofs = proofs;
    }

    @Override
    public void accept(Javalin app) {
        app.get("/v1/identities", this::byAddress);
        app.get("/v1/identities/{name}", this::identity);
        app.get("/v1/identities/{name}/history", this::history);
        app.get("/v1/identities/{name}/did.json", this::did);
        app.post("/v1/identities/{name}/verify", this::verify);
        app.get("/v1/orgs/{name}", this::organization);
        app.get("/v1/orgs/{name}/members/{identity}", this::membership);
        app.get("/v1/proofs/identities/{name}", this::proof);
        app.get("/v1/params/identity", this::params);
        app.get("/v1/registrars/{address}", this::registrar);
    }

    /** A read of one consistent state, and the height it is at. */
    private record At(StateReader state, long height) {}

    private At now() {
        long height = ledger.head().height();
        return new At(ledger.state(), height);
    }

    private static Identity require(StateReader state, String name) {
        return new IdentityQueries(state).identity(name)
                .orElseThrow(() -> new ProblemException(new Problem(404, "unknown-identity", "Not found",
                        "no identity is named '" + name + "'")));
    }

    private void identity(Context ctx) {
        At at = now();
        Map<String, Object> m = IdentityViews.identity(require(at.state(), ctx.pathParam("name")));
        m.put("height", at.height());
        ctx.json(m);
    }

    private void byAddress(Context ctx) {
        String text = ctx.queryParam("address");
        if (text == null) {
            throw new ProblemException(Problem.badRequest("invalid-parameter", "the query parameter address is required"));
        }
        Address address = Params.address(text);
        At at = now();
        List<Object> identities = new ArrayList<>();
        for (String name : new IdentityQueries(at.state()).namesOwnedBy(address)) {
            new IdentityQueries(at.state()).identity(name).ifPresent(i -> identities.add(IdentityViews.identity(i)));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", address.toString());
        m.put("identities", identities);
        m.put("height", at.height());
        ctx.json(m);
    }

    private void history(Context ctx) {
        At at = now();
        String name = ctx.pathParam("name");
        require(at.state(), name);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("history", IdentityViews.history(new IdentityQueries(at.state()).history(name)));
        m.put("height", at.height());
        ctx.json(m);
    }

    private void did(Context ctx) {
        At at = now();
        Identity identity = require(at.state(), ctx.pathParam("name"));
        ctx.contentType("application/did+json").result(DidDocument.of(identity, ledger.chainId()).json());
    }

    /** EIP-191 personal_sign of {@code message} by the owner or a valid authentication/assertion key. */
    private void verify(Context ctx) {
        JsonNode body = Json.readObject(ctx);
        String message = Json.requireText(body, "message");
        byte[] signature = Params.hexBody(Json.requireText(body, "signature"), "signature");
        At at = now();
        String name = ctx.pathParam("name");
        require(at.state(), name);
        long height = body.has("height") ? Params.nonNegative(body.get("height").asText(), "height", at.height()) : at.height();
        if (height > at.height()) {
            throw new ProblemException(Problem.badRequest("invalid-parameter", "height " + height
                    + " is beyond the head " + at.height()));
        }
        IdentityQueries.Authority answer = new IdentityQueries(at.state())
                .verifyPersonalSign(name, message.getBytes(StandardCharsets.UTF_8), signature, height);
        Map<String, Object> m = new LinkedHashMap<>();
        if (answer instanceof IdentityQueries.Authority.Yes yes) {
            m.put("valid", true);
            m.put("identity", yes.name());
            m.put("key", yes.address().toString());
            m.put("role", yes.role());
            m.put("height", yes.height());
        } else {
            m.put("valid", false);
            m.put("identity", name);
            m.put("reason", ((IdentityQueries.Authority.No) answer).reason());
            m.put("height", height);
        }
        ctx.json(m);
    }

    private static Organization requireOrg(StateReader state, String name) {
        return new IdentityQueries(state).organization(name)
                .orElseThrow(() -> new ProblemException(new Problem(404, "unknown-organization", "Not found",
                        "no organization is named '" + name + "'")));
    }

    private void organization(Context ctx) {
        At at = now();
        Map<String, Object> m = IdentityViews.organization(requireOrg(at.state(), ctx.pathParam("name")));
        m.put("height", at.height());
        ctx.json(m);
    }

    /** Yes or no, with the inheritance path; never "yes" for an organization that does not exist. */
    private void membership(Context ctx) {
        At at = now();
        String org = ctx.pathParam("name");
        String identity = ctx.pathParam("identity");
        OrgMembership.Result result = OrgMembership.check(at.state(), org, identity);
        if (result instanceof OrgMembership.Result.NoSuchOrganization) {
            requireOrg(at.state(), org);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("organization", org);
        m.put("identity", identity);
        if (result instanceof OrgMembership.Result.Member member) {
            m.put("member", true);
            List<Object> path = new ArrayList<>();
            member.path().forEach(s -> path.add(Map.of("org", s.org(), "via", s.via())));
            m.put("path", path);
        } else {
            m.put("member", false);
            m.put("reason", ((OrgMembership.Result.NotMember) result).reason());
        }
        m.put("height", at.height());
        ctx.json(m);
    }

    /** The identity ledger's parameters: registration mode and fees (token units as decimal strings). */
    private void params(Context ctx) {
        At at = now();
        IdentityParams p = IdentityParams.read(at.state());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("registration", p.registrationMode().name().toLowerCase(java.util.Locale.ROOT));
        m.put("registrationFee", Long.toString(p.registrationFee()));
        m.put("updateFee", Long.toString(p.updateFee()));
        m.put("rotationDelayBlocks", p.rotationDelayBlocks());
        m.put("height", at.height());
        ctx.json(m);
    }

    /** Whether an address is a registrar now: what `identity countersign` checks before signing. */
    private void registrar(Context ctx) {
        Address address = Params.address(ctx.pathParam("address"));
        At at = now();
        Registrars.Registrar r = Registrars.get(at.state(), address)
                .orElseThrow(() -> new ProblemException(new Problem(404, "unknown-registrar", "Not found",
                        address + " is not a registrar of this chain")));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", address.toString());
        m.put("label", r.label());
        m.put("since", r.since());
        m.put("height", at.height());
        ctx.json(m);
    }

    private void proof(Context ctx) {
        String name = ctx.pathParam("name");
        Names.identityNameProblem(name).ifPresent(problem -> {
            throw new ProblemException(Problem.badRequest("invalid-name", problem));
        });
        StateProofs.Proven p = proofs.read(IdentityState.IDENTITIES.key(name));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("identity", p.value().map(v -> (Object) IdentityViews.identity(IdentityState.IDENTITIES.decodeValue(v)))
                .orElse(null));
        m.putAll(proofs.json(p));
        ctx.json(m);
    }
}
