package io.gridchain.node.cli;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.validator.ValidatorSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A proposal on disk, and the checks and lines the governance commands share. */
final class ProposalFile {
    private ProposalFile() {}

    static GovernanceProposal read(Path file) {
        String text = GovernanceJson.readFile(file, "proposal");
        GovernanceProposal.Parsed parsed = GovernanceProposal.parse(text);
        if (parsed instanceof GovernanceProposal.Parsed.Malformed malformed) {
            throw new CliException(file + " is not a valid proposal: " + malformed.reason());
        }
        return ((GovernanceProposal.Parsed.Valid) parsed).proposal();
    }

    /** Replaces the file in one step, so an interrupted approval never leaves half a file and loses the others. */
    static void write(Path file, GovernanceProposal proposal) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, proposal.toJson(), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static void describe(PrintWriter out, GovernanceProposal p) {
        out.println("proposal for chain " + p.chainId() + ", governance nonce " + p.governanceNonce()
                + " (made at height " + p.proposedAtHeight() + "):");
        p.summary().forEach(line -> out.println("  " + line));
        out.println("digest each approver signs: " + p.digest().toHex());
    }

    /** E.g. "approvals hold 20 of 40 voting power; 27 is needed (7 more)". */
    static String tally(GovernanceProposal p, ValidatorSet validators) {
        long approved = p.approvedPower(validators);
        long needed = GovernanceProposal.quorum(validators);
        return p.approvals().size() + " approval(s) hold " + approved + " of " + validators.totalPower() + " voting power; "
                + (approved >= needed ? "enough (more than two thirds, " + needed + "): ready to submit"
                        : needed + " is needed (" + (needed - approved) + " more)");
    }

    /** Refuses a proposal the chain behind {@code node} would refuse for its chain id or governance nonce. */
    static void requireCurrent(GovernanceProposal p, ChainGovernance chain, URI node) {
        if (p.chainId() != chain.chainId()) {
            throw new CliException("the proposal is for chain " + p.chainId() + " but the node at " + node + " runs chain "
                    + chain.chainId());
        }
        if (p.governanceNonce() < chain.governanceNonce()) {
            throw new CliException("stale proposal: it was made for governance nonce " + p.governanceNonce()
                    + ", but another governance change was committed since and the chain is at nonce " + chain.governanceNonce()
                    + "; make a new proposal with `gridchain governance propose`");
        }
        if (p.governanceNonce() > chain.governanceNonce()) {
            throw new CliException("the proposal is for governance nonce " + p.governanceNonce() + " but the node at " + node
                    + " is at nonce " + chain.governanceNonce() + " (height " + chain.height() + "); is it still syncing?");
        }
    }

    static void requireValidator(ChainGovernance chain, Address signer) {
        if (!chain.validators().contains(signer)) {
            throw new CliException(signer + " is not a validator of chain " + chain.chainId() + " at height " + chain.height()
                    + "; only validators approve");
        }
    }
}
