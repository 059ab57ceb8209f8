package io.gridchain.consensus;

import io.gridchain.consensus.message.SignedProposal;
import io.gridchain.consensus.message.SignedVote;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.validator.ValidatorSet;

/**
 * Everything that can happen to the engine. Messages must already have passed
 * {@link io.gridchain.consensus.message.MessageVerifier}; the engine does not check signatures.
 * The node writes each input to the write-ahead log before it applies it.
 */
public sealed interface Input {
    /** Begin a height with the validator set the chain says is in effect for it (L10, L54). */
    record StartHeight(long height, ValidatorSet validators) implements Input {}

    record ProposalReceived(SignedProposal proposal) implements Input {}

    record VoteReceived(SignedVote vote) implements Input {}

    /** A timeout scheduled by {@link Output.ScheduleTimeout} has expired. */
    record TimeoutExpired(TimeoutKind kind, long height, int round) implements Input {}

    /** The answer to {@link Output.ValidateValue}: valid(v) of the paper. */
    record ValueValidity(long height, Hash32 value, boolean valid) implements Input {}

    /** The answer to {@link Output.RequestValue}: getValue() of the paper (L18). */
    record ValueToPropose(long height, int round, Hash32 value) implements Input {}
}
