package io.gridchain.node.cli;

import io.gridchain.node.api.ApiLimits;
import picocli.CommandLine.Option;

/** The API's request limits as options of {@code dev} and {@code node run} (see {@link ApiLimits}). */
final class ApiLimitOptions {
    @Option(names = "--api-client-rate", paramLabel = "UNITS_PER_S",
            description = "Signature recoveries or large reads a second one client (remote address) may cost "
                    + "on costly endpoints (default: " + ApiLimits.DEFAULT_CLIENT_RATE + ").")
    Double clientRate;

    @Option(names = "--api-client-burst", paramLabel = "UNITS",
            description = "How many such units a client may spend at once (default: " + ApiLimits.DEFAULT_CLIENT_BURST + ").")
    Integer clientBurst;

    @Option(names = "--api-no-client-limits",
            description = "No per-client limit (for load generators on a private network); the in-flight bounds stay.")
    boolean noClientLimits;

    @Option(names = "--api-max-in-flight", paramLabel = "N",
            description = "Requests answered at once; more are refused with 503 (default: " + ApiLimits.DEFAULT_MAX_IN_FLIGHT + ").")
    Integer maxInFlight;

    @Option(names = "--api-max-costly-in-flight", paramLabel = "N",
            description = "Costly requests answered at once; one more a client waits up to 2 s for its turn, "
                    + "others are refused with 503 (default: the number of cores, at least 2).")
    Integer maxCostlyInFlight;

    @Option(names = "--api-max-batch", paramLabel = "N",
            description = "Transactions in one POST /v1/txs/batch (default: " + ApiLimits.DEFAULT_MAX_BATCH + ").")
    Integer maxBatch;

    ApiLimits limits() {
        ApiLimits l = noClientLimits ? ApiLimits.UNLIMITED_CLIENTS : ApiLimits.DEFAULT;
        if (clientRate != null || clientBurst != null) {
            l = l.withClientRate(clientRate != null ? clientRate : l.clientUnitsPerSecond(),
                    clientBurst != null ? clientBurst : l.clientBurst());
        }
        if (maxInFlight != null || maxCostlyInFlight != null) {
            l = l.withInFlight(maxCostlyInFlight != null ? maxCostlyInFlight : l.maxCostlyInFlight(),
                    maxInFlight != null ? maxInFlight : l.maxInFlight());
        }
        if (maxBatch != null) {
            l = l.withBatch(maxBatch, l.maxBatchBytes());
        }
        return l;
    }
}
