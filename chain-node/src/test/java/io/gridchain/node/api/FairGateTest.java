package io.gridchain.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The costly requests' gate: one waiter a client, served in the order clients came. */
class FairGateTest {
    private static final long SECONDS_10 = 10_000_000_000L;

    private static CompletableFuture<Boolean> enterLater(FairGate gate, String client) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return gate.enter(client);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void awaitWaiting(CompletableFuture<Boolean> f) throws InterruptedException {
        Thread.sleep(100); // the waiter is queued once its thread is blocked in enter
        assertThat(f).isNotDone();
    }

    @Test
    void aClientWithManyRequestsWaitsItsTurnLikeOneWithOne() throws Exception {
        FairGate gate = new FairGate(1, 100, SECONDS_10);
        assertThat(gate.enter("flooder")).isTrue();
        CompletableFuture<Boolean> flooderAgain = enterLater(gate, "flooder");
        awaitWaiting(flooderAgain);
        assertThat(gate.enter("flooder")).as("a second waiter of the same client").isFalse();
        CompletableFuture<Boolean> wallet = enterLater(gate, "wallet");
        awaitWaiting(wallet);
        gate.leave();
        assertThat(flooderAgain.get(5, TimeUnit.SECONDS)).isTrue(); // came first
        assertThat(wallet).isNotDone();
        CompletableFuture<Boolean> flooderThird = enterLater(gate, "flooder");
        awaitWaiting(flooderThird);
        gate.leave();
        assertThat(wallet.get(5, TimeUnit.SECONDS)).isTrue(); // before the flooder's next one
        assertThat(flooderThird).isNotDone();
        gate.leave();
        assertThat(flooderThird.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aRequestThatWaitedTooLongIsRefusedAndTheQueueIsBounded() throws Exception {
        FairGate gate = new FairGate(1, 1, 200_000_000L);
        assertThat(gate.enter("a")).isTrue();
        CompletableFuture<Boolean> b = enterLater(gate, "b");
        awaitWaiting(b);
        assertThat(gate.enter("c")).as("the one waiting place is taken").isFalse();
        assertThat(b.get(5, TimeUnit.SECONDS)).isFalse(); // 200 ms passed
        gate.leave();
        assertThat(gate.enter("c")).isTrue();
    }
}
