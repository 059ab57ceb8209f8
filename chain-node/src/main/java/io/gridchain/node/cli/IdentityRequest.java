package io.gridchain.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridchain.core.bytes.Bytes;
import io.gridchain.core.bytes.Hex;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.crypto.Signature;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.identity.RegistrationDigest;
import io.gridchain.identity.model.Metadata;
import java.util.Optional;

/**
 * A registration on its way from the applicant to a registrar and back, as a JSON file: what will be
 * registered (chain id, name, owner, metadata), the applicant's signature over it, and once a registrar
 * has checked it, the registrar's countersignature over {@link RegistrationDigest} (what the ledger
 * checks). Both signatures are checked on every read, so an edited file is refused by whoever reads it
 * next rather than by the chain after the fee is spent.
 */
record IdentityRequest(long chainId, String name, Address owner, Metadata metadata, Signature applicantSignature,
                       Optional<Countersignature> countersignature) {
    static final String FORMAT = "gridchain-identity-request/1";
    /** Keeps the applicant's signature from meaning anything else, a registrar's countersignature included. */
    static final String APPLICANT_TAG = "gridchain/identity.request/v1";

    record Countersignature(Address registrar, Signature signature) {}

    static IdentityRequest signedBy(SigningKey applicant, long chainId, String name, Metadata metadata) {
        Hash32 digest = applicantDigest(chainId, name, applicant.address(), metadata);
        return new IdentityRequest(chainId, name, applicant.address(), metadata, applicant.sign(digest), Optional.empty());
    }

    static Hash32 applicantDigest(long chainId, String name, Address owner, Metadata metadata) {
        return Keccak.hash(Rlp.list(Rlp.string(APPLICANT_TAG), Rlp.uint(chainId), Rlp.string(name), Rlp.bytes(owner.bytes()),
                metadata.encode()));
    }

    /** What the registrar signs and the ledger checks. */
    Hash32 registrationDigest() {
        return RegistrationDigest.of(chainId, name, owner, metadata);
    }

    IdentityRequest countersignedBy(SigningKey registrar) {
        return new IdentityRequest(chainId, name, owner, metadata, applicantSignature,
                Optional.of(new Countersignature(registrar.address(), registrar.sign(registrationDigest()))));
    }

    String toJson() {
        ObjectNode root = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        root.put("chainId", chainId);
        root.put("name", name);
        root.put("owner", owner.toString());
        ObjectNode md = root.putObject("metadata");
        md.put("displayName", metadata.displayName());
        md.put("emailHash", Hex.encodePrefixed(metadata.emailHash().toArray()));
        md.put("serviceUri", metadata.serviceUri());
        md.put("encryptionKey", Hex.encodePrefixed(metadata.encryptionKey().toArray()));
        root.put("applicantSignature", applicantSignature.toString());
        root.put("registrationDigest", registrationDigest().toHex());
        countersignature.ifPresent(c -> root.putObject("countersignature").put("registrar", c.registrar().toString())
                .put("signature", c.signature().toString()));
        return GovernanceJson.fileText(root);
    }

    /** A request file read: the request, or why it cannot be trusted. */
    sealed interface Parsed {
        record Valid(IdentityRequest request) implements Parsed {}

        record Malformed(String reason) implements Parsed {}
    }

    static Parsed parse(String text) {
        try {
            return new Parsed.Valid(read(GovernanceJson.fileTree(text)));
        } catch (GovernanceJson.Malformed e) {
            return new Parsed.Malformed(e.getMessage());
        }
    }

    private static IdentityRequest read(JsonNode root) {
        GovernanceJson.Fields f = GovernanceJson.file(root, FORMAT);
        long chainId = f.nonNegative("chainId");
        String name = f.text("name");
        Address owner = f.address("owner");
        Metadata metadata = readMetadata(f.node("metadata"));
        Signature applicant = signature(f.text("applicantSignature"), "applicantSignature");
        if (!applicant.recoverSigner(applicantDigest(chainId, name, owner, metadata)).equals(Optional.of(owner))) {
            throw new GovernanceJson.Malformed("applicantSignature: not the owner's (" + owner + ") signature over this chain id, "
                    + "name and metadata; the request was changed after the applicant signed it");
        }
        Optional<Countersignature> counter = Optional.empty();
        if (root.hasNonNull("countersignature")) {
            GovernanceJson.Fields c = GovernanceJson.object(root.get("countersignature"), "countersignature");
            Address registrar = c.address("registrar");
            Signature sig = signature(c.text("signature"), "countersignature.signature");
            if (!sig.recoverSigner(RegistrationDigest.of(chainId, name, owner, metadata)).equals(Optional.of(registrar))) {
                throw new GovernanceJson.Malformed("countersignature.signature: not " + registrar + "'s signature over this "
                        + "registration; the request was changed after it was countersigned");
            }
            c.allowOnly("registrar", "signature");
            counter = Optional.of(new Countersignature(registrar, sig));
        }
        f.allowOnly("format", "chainId", "name", "owner", "metadata", "applicantSignature", "registrationDigest",
                "countersignature");
        return new IdentityRequest(chainId, name, owner, metadata, applicant, counter);
    }

    private static Metadata readMetadata(JsonNode node) {
        GovernanceJson.Fields f = GovernanceJson.object(node, "metadata");
        f.allowOnly("displayName", "emailHash", "serviceUri", "encryptionKey");
        Metadata md = new Metadata(f.text("displayName"), hex(f.text("emailHash"), "metadata.emailHash"), f.text("serviceUri"),
                hex(f.text("encryptionKey"), "metadata.encryptionKey"));
        md.problem().ifPresent(p -> {
            throw new GovernanceJson.Malformed("metadata: " + p);
        });
        return md;
    }

    private static Bytes hex(String text, String at) {
        try {
            return Bytes.of(Hex.decode(text));
        } catch (RuntimeException e) {
            throw new GovernanceJson.Malformed(at + ": not hex (" + e.getMessage() + ")");
        }
    }

    private static Signature signature(String text, String at) {
        Signature.Decoded decoded = Signature.decodeHex(text);
        if (decoded instanceof Signature.Decoded.Invalid invalid) {
            throw new GovernanceJson.Malformed(at + ": " + invalid.reason());
        }
        return ((Signature.Decoded.Valid) decoded).signature();
    }
}
