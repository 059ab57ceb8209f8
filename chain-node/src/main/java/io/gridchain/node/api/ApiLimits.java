package io.gridchain.node.api;

/**
 * What one request, one client and the whole API may cost the node. A client is its remote address
 * (the API does not trust {@code X-Forwarded-For}: behind a proxy, the proxy is one client).
 *
 * <p>Costly requests are those that cost signature work or large reads (sign-in, token grants with
 * client assertions, introspection and revocation, transaction submission, block pages, proofs, the
 * verify endpoints). Each client has a bucket of {@code clientBurst} units refilled at
 * {@code clientUnitsPerSecond}; a costly request needs a unit to start and then pays its cost: one unit,
 * or one per transaction a batch submits or a block page returns (each is a signature recovery). A client
 * whose bucket is empty is answered 429 with {@code Retry-After}. At most {@code maxCostlyInFlight}
 * costly requests and {@code maxInFlight} requests in all run at once; beyond that the node answers 503
 * with {@code Retry-After} instead of queueing. {@code maxClients} buckets are kept, the least recently
 * seen client's dropped first (a dropped client starts again with a full bucket).
 */
public record ApiLimits(double clientUnitsPerSecond, int clientBurst, int maxClients, int maxCostlyInFlight,
                        int maxInFlight, int maxBatchTransactions, long maxBatchBytes, int maxPageTransactions) {
    /**
     * A wallet signs in a few times an hour and submits a few transactions a minute; an explorer pages
     * blocks. 500 recoveries a second with a burst of 5,000 are far beyond either, and a few percent of
     * what one core recovers.
     */
    public static final int DEFAULT_CLIENT_RATE = 500;
    public static final int DEFAULT_CLIENT_BURST = 5_000;
    /**
     * Costly requests are CPU-bound (signature recoveries): more of them at once than there are cores only
     * makes every request wait longer for a core, cheap ones such as {@code /v1/status} included.
     */
    public static final int DEFAULT_MAX_COSTLY_IN_FLIGHT = Math.max(2, Runtime.getRuntime().availableProcessors());
    public static final int DEFAULT_MAX_IN_FLIGHT = 200;
    public static final int DEFAULT_MAX_BATCH = 1_000;
    public static final ApiLimits DEFAULT = new ApiLimits(DEFAULT_CLIENT_RATE, DEFAULT_CLIENT_BURST, 10_000,
            DEFAULT_MAX_COSTLY_IN_FLIGHT, DEFAULT_MAX_IN_FLIGHT, DEFAULT_MAX_BATCH, 1L << 20, 2_000);
    /** For load generators on a private network: no per-client limit, the concurrency bounds kept. */
    public static final ApiLimits UNLIMITED_CLIENTS = DEFAULT.withClientRate(1e9, Integer.MAX_VALUE);

    public ApiLimits {
        if (!(clientUnitsPerSecond > 0) || clientBurst < 1 || maxClients < 1 || maxCostlyInFlight < 1 || maxInFlight < 1
                || maxBatchTransactions < 1 || maxBatchBytes < 1 || maxPageTransactions < 1) {
            throw new IllegalArgumentException("every API limit must be positive");
        }
    }

    public ApiLimits withClientRate(double unitsPerSecond, int burst) {
        return new ApiLimits(unitsPerSecond, burst, maxClients, maxCostlyInFlight, maxInFlight, maxBatchTransactions,
                maxBatchBytes, maxPageTransactions);
    }

    public ApiLimits withInFlight(int costly, int all) {
        return new ApiLimits(clientUnitsPerSecond, clientBurst, maxClients, costly, all, maxBatchTransactions,
                maxBatchBytes, maxPageTransactions);
    }

    public ApiLimits withBatch(int transactions, long bytes) {
        return new ApiLimits(clientUnitsPerSecond, clientBurst, maxClients, maxCostlyInFlight, maxInFlight, transactions,
                bytes, maxPageTransactions);
    }

    public ApiLimits withPageTransactions(int transactions) {
        return new ApiLimits(clientUnitsPerSecond, clientBurst, maxClients, maxCostlyInFlight, maxInFlight,
                maxBatchTransactions, maxBatchBytes, transactions);
    }

    public ApiLimits withMaxClients(int clients) {
        return new ApiLimits(clientUnitsPerSecond, clientBurst, clients, maxCostlyInFlight, maxInFlight,
                maxBatchTransactions, maxBatchBytes, maxPageTransactions);
    }
}
