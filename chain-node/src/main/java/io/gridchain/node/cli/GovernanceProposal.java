package io.gridchain.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridchain.core.bytes.Hex;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Signature;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.governance.Governance;
import io.gridchain.core.governance.GovernanceAction;
import io.gridchain.core.validator.Validator;
import io.gridchain.core.validator.ValidatorSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A governance change on its way through the validators: what is proposed, for which chain and
 * governance nonce, the digest each approver signs, the validator set it was proposed against (so
 * approvals can be counted without a node), and the approvals so far. Passed from validator to
 * validator as a JSON file; the digest in the file is checked against the action on every read, so
 * an edited action cannot carry earlier approvals.
 */
record GovernanceProposal(long chainId, long governanceNonce, long proposedAtHeight, GovernanceAction action,
                          ValidatorSet approvers, List<Governance.Approval> approvals) {
    static final String FORMAT = "gridchain-governance-proposal/1";

    GovernanceProposal {
        approvals = List.copyOf(approvals);
    }

    /** What every approver signs: {@link Governance#approvalDigest}. */
    Hash32 digest() {
        return Governance.approvalDigest(chainId, governanceNonce, action);
    }

    /** The approvers' power in {@code validators}; approvals by non-members count nothing. */
    long approvedPower(ValidatorSet validators) {
        return approvals.stream().mapToLong(a -> validators.powerOf(a.validator())).sum();
    }

    /** The least power that is more than two thirds of {@code validators}' total. */
    static long quorum(ValidatorSet validators) {
        return validators.totalPower() * 2 / 3 + 1;
    }

    Optional<Governance.Approval> approvalOf(Address validator) {
        return approvals.stream().filter(a -> a.validator().equals(validator)).findFirst();
    }

    /** The outcome of {@link #approve}: the proposal with one more approval, or why not. */
    sealed interface Approved {
        record Added(GovernanceProposal proposal) implements Approved {}

        record Refused(String reason) implements Approved {}
    }

    Approved approve(SigningKey key) {
        if (!approvers.contains(key.address())) {
            return new Approved.Refused(key.address() + " is not in the validator set this proposal was made against "
                    + "(governance nonce " + governanceNonce + "); only validators approve");
        }
        if (approvalOf(key.address()).isPresent()) {
            return new Approved.Refused(key.address() + " has already approved this proposal");
        }
        List<Governance.Approval> more = new ArrayList<>(approvals);
        more.add(Governance.approve(key, chainId, governanceNonce, action));
        return new Approved.Added(new GovernanceProposal(chainId, governanceNonce, proposedAtHeight, action, approvers, more));
    }

    Governance toTransactionPayload() {
        return new Governance(governanceNonce, action, approvals);
    }

    /** One line per change, naming the present power of re-weighted validators. */
    List<String> summary() {
        List<String> lines = new ArrayList<>();
        if (action instanceof GovernanceAction.SetParams p) {
            lines.add("set chain parameters to " + GovernanceJson.params(p.params()));
            return lines;
        }
        for (GovernanceAction.ValidatorUpdate u : ((GovernanceAction.UpdateValidators) action).updates()) {
            long now = approvers.powerOf(u.address());
            if (u.power() == 0) {
                lines.add("remove validator " + u.address() + " (power " + now + ")");
            } else if (now == 0) {
                lines.add("add validator " + u.address() + " with power " + u.power() + " (key " + Hex.encodePrefixed(u.publicKey()) + ")");
            } else {
                lines.add("set the power of validator " + u.address() + " from " + now + " to " + u.power());
            }
        }
        return lines;
    }

    String toJson() {
        ObjectNode root = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        root.put("chainId", chainId);
        root.put("governanceNonce", governanceNonce);
        root.put("proposedAtHeight", proposedAtHeight);
        ArrayNode summary = root.putArray("summary");
        summary().forEach(summary::add);
        root.set("action", GovernanceJson.action(action));
        root.put("digest", digest().toHex());
        ObjectNode set = root.putObject("approvers");
        set.put("totalPower", approvers.totalPower());
        set.put("quorumPower", quorum(approvers));
        set.set("validators", GovernanceJson.validators(approvers.validators()));
        ArrayNode list = root.putArray("approvals");
        for (Governance.Approval a : approvals) {
            list.addObject().put("validator", a.validator().toString()).put("signature", a.signature().toString());
        }
        return GovernanceJson.fileText(root);
    }

    /** A proposal file read: the proposal, or where and why it is malformed. */
    sealed interface Parsed {
        record Valid(GovernanceProposal proposal) implements Parsed {}

        record Malformed(String reason) implements Parsed {}
    }

    static Parsed parse(String text) {
        try {
            return new Parsed.Valid(read(GovernanceJson.fileTree(text)));
        } catch (GovernanceJson.Malformed e) {
            return new Parsed.Malformed(e.getMessage());
        }
    }

    private static GovernanceProposal read(JsonNode root) {
        GovernanceJson.Fields f = GovernanceJson.file(root, FORMAT);
        long chainId = f.nonNegative("chainId");
        long nonce = f.nonNegative("governanceNonce");
        long height = f.nonNegative("proposedAtHeight");
        GovernanceAction action = GovernanceJson.readAction(f.node("action"), "action");
        ValidatorSet approvers = readApprovers(f.node("approvers"));
        GovernanceProposal unsigned = new GovernanceProposal(chainId, nonce, height, action, approvers, List.of());
        Hash32 digest = unsigned.digest();
        if (!f.text("digest").equalsIgnoreCase(digest.toHex())) {
            throw new GovernanceJson.Malformed("digest: " + f.text("digest") + " is not the digest of this action, chain id and "
                    + "governance nonce (" + digest.toHex() + "); the file was changed after it was proposed");
        }
        List<Governance.Approval> approvals = readApprovals(f.node("approvals"), digest);
        f.allowOnly("format", "chainId", "governanceNonce", "proposedAtHeight", "summary", "action", "digest", "approvers",
                "approvals");
        return new GovernanceProposal(chainId, nonce, height, action, approvers, approvals);
    }

    private static ValidatorSet readApprovers(JsonNode node) {
        GovernanceJson.Fields f = GovernanceJson.object(node, "approvers");
        List<Validator> validators = GovernanceJson.readValidators(f.node("validators"), "approvers.validators");
        if (validators.isEmpty()) {
            throw new GovernanceJson.Malformed("approvers.validators: empty");
        }
        try {
            return ValidatorSet.of(validators);
        } catch (IllegalArgumentException e) {
            throw new GovernanceJson.Malformed("approvers.validators: " + e.getMessage());
        }
    }

    private static List<Governance.Approval> readApprovals(JsonNode node, Hash32 digest) {
        if (node == null || !node.isArray()) {
            throw new GovernanceJson.Malformed("approvals: expected an array");
        }
        List<Governance.Approval> out = new ArrayList<>();
        Set<Address> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String at = "approvals[" + i + "]";
            GovernanceJson.Fields f = GovernanceJson.object(node.get(i), at);
            Address validator = f.address("validator");
            Signature.Decoded decoded = Signature.decodeHex(f.text("signature"));
            if (decoded instanceof Signature.Decoded.Invalid invalid) {
                throw new GovernanceJson.Malformed(at + ".signature: " + invalid.reason());
            }
            Signature signature = ((Signature.Decoded.Valid) decoded).signature();
            if (!signature.recoverSigner(digest).equals(Optional.of(validator))) {
                throw new GovernanceJson.Malformed(at + ".signature: not " + validator + "'s signature over the digest "
                        + digest.toHex());
            }
            if (!seen.add(validator)) {
                throw new GovernanceJson.Malformed(at + ": " + validator + " approves twice");
            }
            f.allowOnly("validator", "signature");
            out.add(new Governance.Approval(validator, signature));
        }
        return out;
    }
}
