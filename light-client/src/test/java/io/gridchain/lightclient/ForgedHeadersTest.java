package io.gridchain.lightclient;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.consensus.message.Vote;
import io.gridchain.core.block.BlockHeader;
import io.gridchain.core.block.CommitCertificate;
import io.gridchain.core.block.CommitCertificate.CommitSignature;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.validator.ValidatorSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Headers a lying provider makes up are refused, each with the reason a user reads. */
class ForgedHeadersTest {
    static final GeneratedChain c = LightClientTest.chain(300, LightClientTest.rotating(100, 2));
    final GeneratedChain.Provider primary = c.provider("primary");
    static final Instant now = LightClientTest.justAfter(c);

    Refusal refusalAt(long target) {
        LightClient.Outcome outcome = new LightClient(LightClientTest.OPTIONS, primary, List.of())
                .verifyTo(c.genesis(), target, now);
        assertThat(outcome).isInstanceOf(LightClient.Outcome.Refused.class);
        return ((LightClient.Outcome.Refused) outcome).refusal();
    }

    List<SigningKey> signersOf(long h) {
        return c.validators(h).validators().stream().map(v -> LightClientTest.KEYS.get(v.address())).toList();
    }

    void serve(long h, CommitCertificate certificate) {
        LightBlock honest = c.block(h);
        primary.replaced.put(h, new LightBlock(honest.header(), certificate, honest.validators(), honest.nextValidatorsProof()));
    }

    @Test
    void aSignatureByAnotherKeyThanTheValidatorsIsRefused() {
        CommitCertificate honest = c.block(250).commit();
        List<CommitSignature> sigs = new ArrayList<>(honest.signatures());
        SigningKey outsider = LightClientTest.POOL.get(399);
        Hash32 digest = Vote.precommit(Long.toString(GeneratedChain.CHAIN_ID), 250, 0, c.header(250).hash()).digest();
        sigs.set(3, new CommitSignature(sigs.get(3).validator(), outsider.sign(digest)));
        serve(250, new CommitCertificate(250, 0, honest.blockHash(), sigs));

        Refusal r = refusalAt(250);

        assertThat(r.reason()).isEqualTo(Refusal.Reason.BAD_SIGNATURE);
        assertThat(r.detail()).isEqualTo("the signature of " + sigs.get(3).validator() + " is not its precommit of this block");
    }

    @Test
    void precommitsOfAnotherBlockDoNotSignThisOne() {
        CommitCertificate other = GeneratedChain.sign(c.header(249), signersOf(250), 0);
        serve(250, new CommitCertificate(250, 0, c.header(250).hash(), other.signatures()));

        assertThat(refusalAt(250).reason()).isEqualTo(Refusal.Reason.BAD_SIGNATURE);
    }

    @Test
    void twoThirdsOrLessOfTheHeadersOwnSetIsNotEnough() {
        serve(250, GeneratedChain.sign(c.header(250), signersOf(250).subList(0, 6), 0));

        Refusal r = refusalAt(250);

        assertThat(r.reason()).isEqualTo(Refusal.Reason.INSUFFICIENT_POWER);
        assertThat(r.detail()).isEqualTo("signed by 60 of its set's 100, not more than two thirds");
    }

    @Test
    void aSignerOutsideTheSetOrSigningTwiceIsRefused() {
        List<SigningKey> withOutsider = new ArrayList<>(signersOf(250));
        withOutsider.add(LightClientTest.POOL.get(399));
        serve(250, GeneratedChain.sign(c.header(250), withOutsider, 0));
        assertThat(refusalAt(250).reason()).isEqualTo(Refusal.Reason.UNKNOWN_SIGNER);

        List<CommitSignature> twice = new ArrayList<>(c.block(250).commit().signatures());
        twice.add(twice.get(0));
        serve(250, new CommitCertificate(250, 0, c.header(250).hash(), twice));
        assertThat(refusalAt(250).reason()).isEqualTo(Refusal.Reason.DUPLICATE_SIGNER);
    }

    @Test
    void aValidatorSetOtherThanTheHeaderNamesIsRefused() {
        LightBlock honest = c.block(250);
        ValidatorSet other = GeneratedChain.set(LightClientTest.POOL.subList(200, 210), 10);
        primary.replaced.put(250L, new LightBlock(honest.header(), honest.commit(), other, honest.nextValidatorsProof()));

        Refusal r = refusalAt(250);

        assertThat(r.reason()).isEqualTo(Refusal.Reason.VALIDATOR_SET_MISMATCH);
        assertThat(r.detail()).contains("the validator set sent is " + other.hash(), "the header names " + c.header(250).validatorSetHash());
    }

    @Test
    void aChildSignedByASetTheParentDidNotNameIsRefused() {
        // attackers take the real block 1's parent and sign a header that names their own set
        List<SigningKey> attackers = LightClientTest.POOL.subList(300, 310);
        ValidatorSet theirs = GeneratedChain.set(attackers, 10);
        BlockHeader real = c.header(1);
        BlockHeader forged = new BlockHeader(real.chainId(), 1, real.parentHash(), real.timestampMillis(), real.proposer(),
                real.transactionsRoot(), real.stateRoot(), theirs.hash(), real.lastCommitHash());
        primary.replaced.put(1L, new LightBlock(forged, GeneratedChain.sign(forged, attackers, 0), theirs,
                c.block(1).nextValidatorsProof()));

        Refusal r = refusalAt(1);

        assertThat(r.reason()).isEqualTo(Refusal.Reason.NOT_THE_NEXT_VALIDATOR_SET);
        assertThat(r.detail()).contains("the trusted block 0 says the next is " + c.validators(1).hash());
    }

    @Test
    void aWholeChainByOutsidersIsRefusedWhereBisectionReachesTheTrustedBlock() {
        // a chain of its own from a genesis of its own: every skip lacks trusted signers, so the client
        // halves down to height 1, whose parent is not the trusted genesis
        List<SigningKey> attackers = LightClientTest.POOL.subList(300, 310);
        GeneratedChain fake = new GeneratedChain(300, h -> GeneratedChain.set(attackers, 10),
                GeneratedChain.byAddress(attackers), 0, "fake");
        GeneratedChain.Provider liar = fake.provider("liar");

        LightClient.Outcome outcome = new LightClient(LightClientTest.OPTIONS, liar, List.of())
                .verifyTo(c.genesis(), 300, now);

        Refusal r = ((LightClient.Outcome.Refused) outcome).refusal();
        assertThat(r.reason()).isEqualTo(Refusal.Reason.NOT_A_CHILD);
        assertThat(r.height()).isEqualTo(1);
        assertThat(liar.asked).hasSizeLessThanOrEqualTo(10);
    }

    @Test
    void aProofOfTheNextSetAgainstAnotherRootIsRefused() {
        LightBlock honest = c.block(250);
        primary.replaced.put(250L, new LightBlock(honest.header(), honest.commit(), honest.validators(),
                c.block(249).nextValidatorsProof()));

        assertThat(refusalAt(250).reason()).isEqualTo(Refusal.Reason.BAD_NEXT_VALIDATORS_PROOF);
    }

    @Test
    void aHeaderOfAnotherChainIsRefused() {
        BlockHeader real = c.header(250);
        BlockHeader other = new BlockHeader(78, 250, real.parentHash(), real.timestampMillis(), real.proposer(),
                real.transactionsRoot(), real.stateRoot(), real.validatorSetHash(), real.lastCommitHash());
        primary.replaced.put(250L, new LightBlock(other, GeneratedChain.sign(other, signersOf(250), 0),
                c.validators(250), c.block(250).nextValidatorsProof()));

        assertThat(refusalAt(250).reason()).isEqualTo(Refusal.Reason.WRONG_CHAIN);
    }

    @Test
    void thePrecommitThisModuleChecksIsTheOneConsensusSigns() {
        Hash32 block = c.header(7).hash();
        assertThat(Precommits.digest(GeneratedChain.CHAIN_ID, 7, 3, block))
                .isEqualTo(Vote.precommit(Long.toString(GeneratedChain.CHAIN_ID), 7, 3, block).digest());
    }
}
