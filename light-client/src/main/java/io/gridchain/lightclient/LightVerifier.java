package io.gridchain.lightclient;

import io.gridchain.core.block.BlockHeader;
import io.gridchain.core.block.CommitCertificate;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.merkle.SmtProof;
import io.gridchain.core.validator.ValidatorSet;
import io.gridchain.core.validator.ValidatorSetState;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One step of light-client verification (CometBFT's {@code light/verifier.go}, rewritten for this
 * chain's headers): from a trusted block, may a later one be trusted? Pure; the time is passed in.
 *
 * <p>Adjacent (height + 1): the header must extend the trusted one, name the set the trusted state root
 * says comes next, and be signed by more than two thirds of it — whatever share of the old set remains.
 * Skipping (further): the header must be signed by more than two thirds of its own set and by more than
 * one third of the trusted set's power, so at least one honest trusted validator vouches for it; when only
 * that second rule fails, the answer is {@link Step.NeedsBisection}, not a refusal.
 *
 * <p>"The trusted set" is the set that signed the trusted header. CometBFT counts the trusted header's
 * next validators instead, because its headers carry that set's hash; here the trusted block knows the
 * next set only by hash (from its state root), and its own set is the one whose honesty for the trust
 * period the client assumes. For the genesis the two are the same set.
 */
public final class LightVerifier {
    private static final Hash32 NEXT_SET_PATH = SmtProof.pathOf(ValidatorSetState.stateKey().toArray());

    private final TrustOptions options;

    public LightVerifier(TrustOptions options) {
        this.options = options;
    }

    public sealed interface Step {
        record Accepted(TrustedBlock block, long signedPower, long totalPower) implements Step {}

        /** Sound so far, but too little of the trusted set signed: verify a height in between first. */
        record NeedsBisection(long trustedPowerSigned, long trustedTotalPower) implements Step {}

        record Refused(Refusal refusal) implements Step {}
    }

    public Step verify(TrustedBlock trusted, LightBlock untrusted, Instant now) {
        BlockHeader t = trusted.header();
        BlockHeader u = untrusted.header();
        Optional<Step> basic = basicProblem(t, u, untrusted, now);
        if (basic.isPresent()) {
            return basic.get();
        }
        boolean adjacent = u.height() == t.height() + 1;
        if (adjacent && !u.parentHash().equals(t.hash())) {
            return refuse(u, Refusal.Reason.NOT_A_CHILD, "its parent is " + u.parentHash() + ", not the trusted "
                    + t.hash());
        }
        if (adjacent && !u.validatorSetHash().equals(trusted.nextValidatorSetHash())) {
            return refuse(u, Refusal.Reason.NOT_THE_NEXT_VALIDATOR_SET, "it names validator set "
                    + u.validatorSetHash() + ", but the trusted block " + t.height() + " says the next is "
                    + trusted.nextValidatorSetHash());
        }
        Count count = signers(untrusted.commit(), untrusted.validators(), u);
        if (count instanceof Count.Bad bad) {
            return bad.refused();
        }
        Count.Signed signed = (Count.Signed) count;
        if (!untrusted.validators().isQuorum(signed.power())) {
            return refuse(u, Refusal.Reason.INSUFFICIENT_POWER, "signed by " + signed.power() + " of its set's "
                    + untrusted.validators().totalPower() + ", not more than two thirds");
        }
        if (!adjacent) {
            long trustedPower = 0;
            for (Address a : signed.signers()) {
                trustedPower += trusted.validators().powerOf(a);
            }
            if (!trusted.validators().exceedsOneThird(trustedPower)) {
                return new Step.NeedsBisection(trustedPower, trusted.validators().totalPower());
            }
        }
        Optional<Hash32> next = nextValidatorSetHash(untrusted);
        if (next.isEmpty()) {
            return refuse(u, Refusal.Reason.BAD_NEXT_VALIDATORS_PROOF,
                    "the proof of the next validator set does not hold against its state root");
        }
        return new Step.Accepted(new TrustedBlock(u, untrusted.validators(), next.get()), signed.power(),
                untrusted.validators().totalPower());
    }

    private Optional<Step> basicProblem(BlockHeader t, BlockHeader u, LightBlock untrusted, Instant now) {
        Instant trustedTime = Instant.ofEpochMilli(t.timestampMillis());
        if (!options.trustPeriod().equals(TrustOptions.FOREVER)
                && !trustedTime.plus(options.trustPeriod()).isAfter(now)) {
            return Optional.of(refuse(u, Refusal.Reason.TRUST_EXPIRED, "the trusted block " + t.height() + " is from "
                    + trustedTime + ", older than the trust period " + options.trustPeriod()
                    + "; start from a newer trusted block"));
        }
        if (u.chainId() != t.chainId()) {
            return Optional.of(refuse(u, Refusal.Reason.WRONG_CHAIN, "the header is of chain " + u.chainId()
                    + ", not " + t.chainId()));
        }
        if (u.height() <= t.height()) {
            return Optional.of(refuse(u, Refusal.Reason.NOT_AFTER_TRUSTED, "the trusted block is already at "
                    + t.height()));
        }
        if (u.timestampMillis() <= t.timestampMillis()) {
            return Optional.of(refuse(u, Refusal.Reason.TIME_NOT_AFTER_TRUSTED, "its time "
                    + Instant.ofEpochMilli(u.timestampMillis()) + " is not after the trusted " + trustedTime));
        }
        if (Instant.ofEpochMilli(u.timestampMillis()).isAfter(now.plus(options.maxClockDrift()))) {
            return Optional.of(refuse(u, Refusal.Reason.FROM_THE_FUTURE, "its time "
                    + Instant.ofEpochMilli(u.timestampMillis()) + " is ahead of this clock's " + now + " by more than "
                    + options.maxClockDrift()));
        }
        if (!untrusted.validators().hash().equals(u.validatorSetHash())) {
            return Optional.of(refuse(u, Refusal.Reason.VALIDATOR_SET_MISMATCH, "the validator set sent is "
                    + untrusted.validators().hash() + ", the header names " + u.validatorSetHash()));
        }
        return Optional.empty();
    }

    private sealed interface Count {
        record Signed(Set<Address> signers, long power) implements Count {}

        record Bad(Step.Refused refused) implements Count {}
    }

    /** The distinct members of {@code set} whose precommits for {@code h} the certificate holds, or a refusal. */
    private static Count signers(CommitCertificate c, ValidatorSet set, BlockHeader h) {
        if (c == null) {
            return bad(h, Refusal.Reason.NO_CERTIFICATE, "no commit certificate");
        }
        if (c.height() != h.height() || !c.blockHash().equals(h.hash())) {
            return bad(h, Refusal.Reason.CERTIFICATE_FOR_ANOTHER_BLOCK, "the certificate is for block "
                    + c.blockHash() + " at " + c.height() + ", not " + h.hash());
        }
        Hash32 digest = Precommits.digest(h.chainId(), c.height(), c.round(), c.blockHash());
        Set<Address> seen = new HashSet<>();
        long power = 0;
        for (CommitCertificate.CommitSignature s : c.signatures()) {
            long p = set.powerOf(s.validator());
            if (p == 0) {
                return bad(h, Refusal.Reason.UNKNOWN_SIGNER, s.validator() + " is not in the header's validator set");
            }
            if (!seen.add(s.validator())) {
                return bad(h, Refusal.Reason.DUPLICATE_SIGNER, s.validator() + " signs twice");
            }
            if (!s.signature().recoverSigner(digest).equals(Optional.of(s.validator()))) {
                return bad(h, Refusal.Reason.BAD_SIGNATURE, "the signature of " + s.validator()
                        + " is not its precommit of this block");
            }
            power += p;
        }
        return new Count.Signed(seen, power);
    }

    /** The hash the header's state root holds under the validator-set key, if the proof shows it. */
    static Optional<Hash32> nextValidatorSetHash(LightBlock b) {
        SmtProof proof = b.nextValidatorsProof();
        if (proof == null || proof.terminal().isEmpty()) {
            return Optional.empty();
        }
        Hash32 claimed = proof.terminal().get().valueHash();
        return proof.verify(b.header().stateRoot(), NEXT_SET_PATH, Optional.of(claimed)).isValid()
                ? Optional.of(claimed) : Optional.empty();
    }

    private static Count bad(BlockHeader h, Refusal.Reason reason, String detail) {
        return new Count.Bad(refuse(h, reason, detail));
    }

    private static Step.Refused refuse(BlockHeader h, Refusal.Reason reason, String detail) {
        return new Step.Refused(new Refusal(h.height(), reason, detail));
    }
}
