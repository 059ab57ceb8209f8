package io.gridchain.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-client token buckets, with time advanced by hand. */
class ClientBucketsTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(42 * SECOND);

    @Test
    void aClientSpendsItsBurstThenWaitsForTheRefillWhileAnotherIsServed() {
        ClientBuckets buckets = new ClientBuckets(2, 4, 100, now::get);
        for (int i = 0; i < 4; i++) {
            assertThat(buckets.start("10.0.0.1")).isInstanceOf(ClientBuckets.Decision.Allowed.class);
        }
        assertThat(buckets.start("10.0.0.1")).isEqualTo(new ClientBuckets.Decision.Limited(1));
        assertThat(buckets.start("10.0.0.2")).isInstanceOf(ClientBuckets.Decision.Allowed.class);
        now.addAndGet(SECOND / 2); // one unit back at 2 a second
        assertThat(buckets.start("10.0.0.1")).isInstanceOf(ClientBuckets.Decision.Allowed.class);
        assertThat(buckets.start("10.0.0.1")).isInstanceOf(ClientBuckets.Decision.Limited.class);
    }

    @Test
    void aCostlyAnswerIsPaidAfterwardsAndTheDebtIsWaitedOff() {
        ClientBuckets buckets = new ClientBuckets(10, 100, 100, now::get);
        assertThat(buckets.start("a")).isInstanceOf(ClientBuckets.Decision.Allowed.class);
        buckets.charge("a", 1_000); // a page of 1,000 senders: the debt stops at minus one burst
        assertThat(buckets.start("a")).isEqualTo(new ClientBuckets.Decision.Limited(11)); // (1 + 100) / 10 per s
        now.addAndGet(11 * SECOND);
        assertThat(buckets.start("a")).isInstanceOf(ClientBuckets.Decision.Allowed.class);
    }

    @Test
    void theMapIsBoundedAndDropsTheLeastRecentlySeenClient() {
        ClientBuckets buckets = new ClientBuckets(1, 1, 3, now::get);
        buckets.start("flooder");
        for (int i = 0; i < 10_000; i++) {
            buckets.start("spoofed-" + i);
            buckets.start("flooder"); // seen again and again: never the eldest, so never reset
        }
        assertThat(buckets.clients()).isEqualTo(3);
        assertThat(buckets.start("flooder")).isInstanceOf(ClientBuckets.Decision.Limited.class);
        assertThat(buckets.start("spoofed-0")).isInstanceOf(ClientBuckets.Decision.Allowed.class); // evicted, fresh
    }

    @Test
    void costlyRoutesAreThoseWithSignatureWorkOrLargeReads() {
        assertThat(RequestThrottle.costly("POST", "/oauth/challenge")).isTrue();
        assertThat(RequestThrottle.costly("POST", "/oauth/token")).isTrue();
        assertThat(RequestThrottle.costly("POST", "/v1/identities/alice/verify")).isTrue();
        assertThat(RequestThrottle.costly("POST", "/v1/txs")).isTrue();
        assertThat(RequestThrottle.costly("POST", "/v1/txs/batch")).isTrue();
        assertThat(RequestThrottle.costly("GET", "/v1/blocks")).isTrue();
        assertThat(RequestThrottle.costly("GET", "/v1/blocks/7")).isTrue();
        assertThat(RequestThrottle.costly("GET", "/v1/proofs/accounts/0x00")).isTrue();
        assertThat(RequestThrottle.costly("GET", "/v1/status")).isFalse();
        assertThat(RequestThrottle.costly("GET", "/v1/accounts/0x00")).isFalse();
        assertThat(RequestThrottle.costly("GET", "/oauth/jwks")).isFalse();
    }
}
