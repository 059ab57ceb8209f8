package io.gridchain.node.bft;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When the next height starts after a decision: a block time after the decided block's timestamp. */
class BlockPaceTest {
    private static final long BLOCK_TIME = 1_000;
    private static final long STAMP = 1_800_000_000_000L;

    @Test
    void theTimeTheHeightTookComesOffTheWait() {
        assertThat(ConsensusDriver.pauseMillis(STAMP + 300, STAMP, BLOCK_TIME)).isEqualTo(700);
        assertThat(ConsensusDriver.pauseMillis(STAMP + 20, STAMP, BLOCK_TIME)).isEqualTo(980);
    }

    /** Every validator computes the same moment from the same block, whenever it decided. */
    @Test
    void validatorsThatDecidedAtDifferentMomentsStartTogether() {
        long early = STAMP + 240;
        long late = STAMP + 480;
        assertThat(early + ConsensusDriver.pauseMillis(early, STAMP, BLOCK_TIME))
                .isEqualTo(late + ConsensusDriver.pauseMillis(late, STAMP, BLOCK_TIME))
                .isEqualTo(STAMP + BLOCK_TIME);
    }

    @Test
    void aHeightSlowerThanTheBlockTimeLeavesOnlyTheShortPause() {
        assertThat(ConsensusDriver.pauseMillis(STAMP + 2_500, STAMP, BLOCK_TIME)).isEqualTo(50);
    }

    /** A proposer whose clock runs ahead stamps the future: the wait is still at most a block time. */
    @Test
    void aStampFromTheFutureWaitsNoMoreThanABlockTime() {
        assertThat(ConsensusDriver.pauseMillis(STAMP - 60_000, STAMP, BLOCK_TIME)).isEqualTo(BLOCK_TIME);
    }
}
