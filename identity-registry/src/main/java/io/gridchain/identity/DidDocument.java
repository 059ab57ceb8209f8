package io.gridchain.identity;

import io.gridchain.core.crypto.Address;
import io.gridchain.identity.model.Identity;
import io.gridchain.identity.model.IdentityKey;
import io.gridchain.identity.model.IdentityStatus;
import io.gridchain.identity.model.KeyPurpose;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The W3C DID Core view of an identity: {@code did:gridchain:<name>}. Every key (and the owner) is an
 * {@code EcdsaSecp256k1RecoveryMethod2020} verification method identified by its CAIP-10 account
 * {@code eip155:<chainId>:<address>}. The owner and authentication keys are listed under
 * {@code authentication}, the owner and assertion keys under {@code assertionMethod}, the owner and
 * recovery keys under {@code capabilityInvocation} (they can change the identity). Revoked keys are left
 * out; a deactivated identity is reported in the resolution metadata.
 */
public record DidDocument(String did, Map<String, Object> document, Map<String, Object> metadata) {
    public static final String METHOD_TYPE = "EcdsaSecp256k1RecoveryMethod2020";

    public static String didOf(String name) {
        return "did:gridchain:" + name;
    }

    public static DidDocument of(Identity identity, long chainId) {
        String did = didOf(identity.name());
        List<Map<String, Object>> methods = new ArrayList<>();
        List<String> authentication = new ArrayList<>();
        List<String> assertion = new ArrayList<>();
        List<String> invocation = new ArrayList<>();
        String ownerId = did + "#owner";
        methods.add(method(ownerId, did, identity.owner(), chainId));
        authentication.add(ownerId);
        assertion.add(ownerId);
        invocation.add(ownerId);
        for (IdentityKey key : identity.keys()) {
            if (key.isRevoked()) {
                continue;
            }
            String id = did + "#" + key.purpose().wireName() + "-" + key.address().toString().toLowerCase(java.util.Locale.ROOT);
            methods.add(method(id, did, key.address(), chainId));
            (key.purpose() == KeyPurpose.AUTHENTICATION ? authentication
                    : key.purpose() == KeyPurpose.ASSERTION ? assertion : invocation).add(id);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", List.of("https://www.w3.org/ns/did/v1",
                "https://w3id.org/security/suites/secp256k1recovery-2020/v2"));
        doc.put("id", did);
        doc.put("controller", did);
        doc.put("verificationMethod", methods);
        doc.put("authentication", authentication);
        doc.put("assertionMethod", assertion);
        doc.put("capabilityInvocation", invocation);
        if (!identity.metadata().serviceUri().isEmpty()) {
            doc.put("service", List.of(Map.of("id", did + "#service", "type", "LinkedDomains",
                    "serviceEndpoint", identity.metadata().serviceUri())));
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("deactivated", identity.status() == IdentityStatus.DEACTIVATED);
        meta.put("status", identity.status().wireName());
        return new DidDocument(did, doc, meta);
    }

    private static Map<String, Object> method(String id, String did, Address address, long chainId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("type", METHOD_TYPE);
        m.put("controller", did);
        m.put("blockchainAccountId", "eip155:" + chainId + ":" + address);
        return m;
    }

    /** The DID document as JSON ({@code application/did+json}). */
    public String json() {
        return Json.write(document);
    }
}
