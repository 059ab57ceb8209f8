package io.gridchain.lightclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A witness is asked for the height the primary's header verified at; two verified headers are evidence. */
class ConflictingHeadersTest {
    static final GeneratedChain honest = LightClientTest.chain(400, LightClientTest.rotating(100, 4));
    static final Instant now = LightClientTest.justAfter(honest);

    @Test
    void aForkSignedByTheSameValidatorsIsReportedWithBothHeaders() {
        // the validators of heights 200..400 sign a second chain from 200: a fork only signatures can make
        GeneratedChain fork = new GeneratedChain(400, LightClientTest.rotating(100, 4), LightClientTest.KEYS, 200, "fork");
        GeneratedChain.Provider witness = fork.provider("witness");

        LightClient.Outcome outcome = new LightClient(LightClientTest.OPTIONS, honest.provider("primary"), List.of(witness))
                .verifyTo(honest.genesis(), 350, now);

        assertThat(outcome).isInstanceOf(LightClient.Outcome.Conflicting.class);
        ConflictEvidence e = ((LightClient.Outcome.Conflicting) outcome).evidence();
        assertThat(e.height()).isEqualTo(350);
        assertThat(e.trustedHeight()).isZero();
        assertThat(e.primary().header()).isEqualTo(honest.header(350));
        assertThat(e.witness().header()).isEqualTo(fork.header(350));
        assertThat(e.witness().commit().blockHash()).isEqualTo(fork.header(350).hash());
        assertThat(e.describe()).isEqualTo("at height 350 primary serves block " + honest.header(350).hash()
                + " and witness serves block " + fork.header(350).hash() + ", both signed well enough to verify from trusted height 0");
    }

    @Test
    void aWitnessThatAgreesIsAskedOnceForTheTarget() {
        GeneratedChain.Provider witness = honest.provider("witness");

        LightClient.Outcome.Verified v = LightClientTest.verified(new LightClient(LightClientTest.OPTIONS,
                honest.provider("primary"), List.of(witness)).verifyTo(honest.genesis(), 350, now));

        assertThat(v.faultyWitnesses()).isEmpty();
        assertThat(witness.asked).containsExactly(350L);
    }

    @Test
    void aWitnessWhoseOtherHeaderDoesNotVerifyIsNotedAndIgnored() {
        List<io.gridchain.core.crypto.SigningKey> outsiders = LightClientTest.POOL.subList(300, 310);
        GeneratedChain fake = new GeneratedChain(400, h -> GeneratedChain.set(outsiders, 10),
                GeneratedChain.byAddress(outsiders), 0, "fake");

        LightClient.Outcome.Verified v = LightClientTest.verified(new LightClient(LightClientTest.OPTIONS,
                honest.provider("primary"), List.of(fake.provider("liar"))).verifyTo(honest.genesis(), 350, now));

        assertThat(v.block().hash()).isEqualTo(honest.header(350).hash());
        assertThat(v.faultyWitnesses()).singleElement().asString()
                .startsWith("liar serves another header at 350 that does not verify: height 1:")
                .endsWith("(NOT_A_CHILD)");
    }
}
