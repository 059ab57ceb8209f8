package io.gridchain.lightclient;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.block.BlockHeader;
import io.gridchain.core.block.CommitCertificate;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.validator.ValidatorSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Skipping verification with bisection over generated chains whose validator sets change, from the genesis. */
class LightClientTest {
    static final List<SigningKey> POOL = GeneratedChain.keys(0, 400);
    static final Map<io.gridchain.core.crypto.Address, SigningKey> KEYS = GeneratedChain.byAddress(POOL);
    static final TrustOptions OPTIONS = TrustOptions.of(Duration.ofDays(14));

    /** Ten validators of power 10; every {@code period} heights {@code churn} of them are replaced by new ones. */
    static Function<Long, ValidatorSet> rotating(long period, int churn) {
        return h -> {
            int epoch = (int) (h / period);
            return GeneratedChain.set(POOL.subList(epoch * churn, epoch * churn + 10), 10);
        };
    }

    static GeneratedChain chain(long head, Function<Long, ValidatorSet> sets) {
        return new GeneratedChain(head, sets, KEYS, Long.MAX_VALUE, "");
    }

    static Instant justAfter(GeneratedChain c) {
        return Instant.ofEpochMilli(c.header(c.head()).timestampMillis()).plusSeconds(5);
    }

    static LightClient.Outcome.Verified verified(LightClient.Outcome outcome) {
        assertThat(outcome).isInstanceOf(LightClient.Outcome.Verified.class);
        return (LightClient.Outcome.Verified) outcome;
    }

    @Test
    void skipsStraightToTheTargetWhileAThirdOfTheTrustedSetStillSigns() {
        GeneratedChain c = chain(1000, rotating(100, 2));
        GeneratedChain.Provider primary = c.provider("primary");

        LightClient.Outcome.Verified v = verified(new LightClient(OPTIONS, primary, List.of())
                .verifyTo(c.genesis(), 300, justAfter(c)));

        assertThat(v.block().hash()).isEqualTo(c.header(300).hash());
        // the set at 300 keeps 4 of the genesis's 10 (40% > 1/3): one fetch
        assertThat(v.fetched()).containsExactly(300L);
        assertThat(v.signedPower()).isEqualTo(100);
    }

    @Test
    void bisectsAcrossChangesOfMoreThanTwoThirdsAtOnce() {
        // every 50 heights 8 of the 10 validators leave: no skip can cross a change
        GeneratedChain c = chain(1000, rotating(50, 8));
        GeneratedChain.Provider primary = c.provider("primary");

        LightClient.Outcome.Verified v = verified(new LightClient(OPTIONS, primary, List.of())
                .verifyTo(c.genesis(), 1000, justAfter(c)));

        assertThat(v.block().hash()).isEqualTo(c.header(1000).hash());
        assertThat(v.block().validators()).isEqualTo(c.validators(1000));
        // 20 changes, each found by halving: far fewer than the 1000 headers of a sequential walk
        assertThat(v.fetched()).hasSizeLessThan(250).contains(1000L);
        System.out.println("1000 heights, 20 changes of 8/10 validators: " + v.fetched().size() + " light blocks fetched");
        assertThat(primary.asked).isEqualTo(v.fetched());
    }

    @Test
    void aWholeNewSetAtOneHeightIsAcceptedOnlyThroughTheAdjacentBlock() {
        List<SigningKey> first = POOL.subList(0, 4);
        List<SigningKey> second = POOL.subList(100, 107);
        GeneratedChain c = chain(500, h -> h < 321 ? GeneratedChain.set(first, 25) : GeneratedChain.set(second, 3));

        LightClient.Outcome.Verified v = verified(new LightClient(OPTIONS, c.provider("primary"), List.of())
                .verifyTo(c.genesis(), 500, justAfter(c)));

        assertThat(v.block().hash()).isEqualTo(c.header(500).hash());
        assertThat(v.fetched()).contains(320L, 321L); // the last block of the old set, then its child
        assertThat(v.totalPower()).isEqualTo(21);
    }

    @Test
    void followsManyChangesOfDifferentSizesAndPowers() {
        // 30 changes: the size, the members and the powers all move, sometimes by more than two thirds
        Function<Long, ValidatorSet> sets = h -> {
            int epoch = (int) (h / 50);
            int size = 4 + epoch % 7;
            int start = epoch * (epoch % 3 == 0 ? size : 2);
            List<io.gridchain.core.validator.Validator> vs = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                SigningKey k = POOL.get(start + i);
                vs.add(new io.gridchain.core.validator.Validator(k.address(), k.compressedPublicKey(), 1 + (i * 7 + epoch) % 13));
            }
            return ValidatorSet.of(vs);
        };
        GeneratedChain c = chain(1500, sets);

        LightClient client = new LightClient(OPTIONS, c.provider("primary"), List.of());
        for (long target : new long[] {1, 49, 50, 777, 1499, 1500}) {
            LightClient.Outcome.Verified v = verified(client.verifyTo(c.genesis(), target, justAfter(c)));
            assertThat(v.block().hash()).as("height %d", target).isEqualTo(c.header(target).hash());
        }
    }

    @Test
    void verifiesFromALaterTrustedBlockAsWellAsFromTheGenesis() {
        GeneratedChain c = chain(600, rotating(50, 8));
        LightClient client = new LightClient(OPTIONS, c.provider("primary"), List.of());
        TrustedBlock at400 = verified(client.verifyTo(c.genesis(), 400, justAfter(c))).block();

        LightClient.Outcome.Verified v = verified(client.verifyTo(at400, 600, justAfter(c)));

        assertThat(v.block().hash()).isEqualTo(c.header(600).hash());
        assertThat(v.fetched()).allMatch(h -> h > 400);
    }

    @Test
    void refusesWhenTheTrustedBlockIsOlderThanTheTrustPeriod() {
        GeneratedChain c = chain(10, rotating(100, 2));
        Instant later = Instant.ofEpochMilli(c.header(0).timestampMillis()).plus(Duration.ofDays(15));

        LightClient.Outcome outcome = new LightClient(OPTIONS, c.provider("primary"), List.of())
                .verifyTo(c.genesis(), 10, later);

        Refusal r = ((LightClient.Outcome.Refused) outcome).refusal();
        assertThat(r.reason()).isEqualTo(Refusal.Reason.TRUST_EXPIRED);
        assertThat(r.detail()).contains("older than the trust period PT336H", "start from a newer trusted block");
    }

    @Test
    void refusesAHeaderFromTheFuture() {
        GeneratedChain c = chain(10, rotating(100, 2));
        Instant before = Instant.ofEpochMilli(c.header(10).timestampMillis()).minusSeconds(60);

        Refusal r = ((LightClient.Outcome.Refused) new LightClient(OPTIONS, c.provider("primary"), List.of())
                .verifyTo(c.genesis(), 10, before)).refusal();

        assertThat(r.reason()).isEqualTo(Refusal.Reason.FROM_THE_FUTURE);
    }

    @Test
    void aProviderWithoutTheBlockIsAReasonNotAnException() {
        GeneratedChain c = chain(10, rotating(100, 2));

        Refusal r = ((LightClient.Outcome.Refused) new LightClient(OPTIONS, c.provider("primary"), List.of())
                .verifyTo(c.genesis(), 11, justAfter(c))).refusal();

        assertThat(r.reason()).isEqualTo(Refusal.Reason.UNAVAILABLE);
        assertThat(r.detail()).isEqualTo("primary: no block at 11; the head is 10");
    }

    @Test
    void theTargetEqualToTheRootIsTheRoot() {
        GeneratedChain c = chain(3, rotating(100, 2));
        LightClient.Outcome.Verified v = verified(new LightClient(OPTIONS, c.provider("p"), List.of())
                .verifyTo(c.genesis(), 0, justAfter(c)));
        assertThat(v.block()).isEqualTo(c.genesis());
        assertThat(v.fetched()).isEmpty();
    }

    static BlockHeader withTime(BlockHeader h, long millis) {
        return new BlockHeader(h.chainId(), h.height(), h.parentHash(), millis, h.proposer(), h.transactionsRoot(),
                h.stateRoot(), h.validatorSetHash(), h.lastCommitHash());
    }

    static CommitCertificate signedByAll(BlockHeader h, ValidatorSet set) {
        return GeneratedChain.sign(h, set.validators().stream().map(v -> KEYS.get(v.address())).toList(), 0);
    }
}
