package io.gridchain.consensus;

import io.gridchain.consensus.message.Proposal;
import io.gridchain.consensus.message.SignedProposal;
import io.gridchain.consensus.message.SignedVote;
import io.gridchain.consensus.message.Vote;
import io.gridchain.consensus.signing.DigestSigner;
import io.gridchain.consensus.signing.GuardedSigner;
import io.gridchain.consensus.signing.InMemorySignGuardStore;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.validator.Validator;
import io.gridchain.core.validator.ValidatorSet;
import java.util.ArrayList;
import java.util.List;

/** Real secp256k1 validators with deterministic keys, and builders for their signed messages. */
final class Fixture {
    static final String CHAIN = "gridchain-test";
    static final TimeoutConfig TIMEOUTS = new TimeoutConfig(300, 100, 150, 50, 150, 50);

    final List<SigningKey> keys = new ArrayList<>();
    final ValidatorSet set;

    Fixture(long... powers) {
        List<Validator> validators = new ArrayList<>();
        for (int i = 0; i < powers.length; i++) {
            SigningKey key = SigningKey.fromPrivateKey(Keccak.hash(Rlp.list(Rlp.string("fixture"), Rlp.uint(i))).bytes());
            keys.add(key);
            validators.add(new Validator(key.address(), key.compressedPublicKey(), powers[i]));
        }
        set = ValidatorSet.of(validators);
    }

    static Hash32 value(String name) {
        return Keccak.hash(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    int proposerIndex(long height, int round) {
        var address = new ProposerSchedule(set).proposer(height, round);
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).address().equals(address)) {
                return i;
            }
        }
        throw new IllegalStateException();
    }

    ConsensusEngine engine(int i, InMemorySignGuardStore store) {
        return new ConsensusEngine(new EngineConfig(CHAIN, TIMEOUTS), new GuardedSigner(DigestSigner.of(keys.get(i)), store));
    }

    Input.ProposalReceived proposal(int i, long h, int r, Hash32 v, int pol) {
        SignedProposal p = new Proposal(CHAIN, h, r, v, pol).signWith(keys.get(i));
        return new Input.ProposalReceived(p);
    }

    Input.VoteReceived prevote(int i, long h, int r, Hash32 v) {
        SignedVote sv = Vote.prevote(CHAIN, h, r, v).signWith(keys.get(i));
        return new Input.VoteReceived(sv);
    }

    Input.VoteReceived precommit(int i, long h, int r, Hash32 v) {
        SignedVote sv = Vote.precommit(CHAIN, h, r, v).signWith(keys.get(i));
        return new Input.VoteReceived(sv);
    }
}
