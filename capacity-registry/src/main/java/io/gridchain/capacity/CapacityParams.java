package io.gridchain.capacity;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;
import io.gridchain.core.state.StateCodec;
import io.gridchain.core.state.StateMap;
import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.state.StateReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The capacity module's chain parameters, kept in its own state namespace. Written at genesis by
 * {@link #write}; read by every rule at the height it executes.
 *
 * @param minPrices          lowest price per unit-hour a farm may set for each resource
 * @param maxPrices          highest price per unit-hour a farm may set for each resource
 * @param gracePeriodSeconds how long a lease whose escrow ran out keeps its capacity (paused) before it ends
 * @param minPrepaidSeconds  the escrow of a new lease must cover at least this long; also the shortest lease
 * @param governance         the address allowed to retire a node by governance (ending its leases), if any
 */
public record CapacityParams(Prices minPrices, Prices maxPrices, long gracePeriodSeconds, long minPrepaidSeconds,
                             Optional<Address> governance) {
    public static final CapacityParams DEFAULTS = new CapacityParams(new Prices(0, 0, 0, 0),
            new Prices(1_000_000_000_000L, 1_000_000_000_000L, 1_000_000_000_000L, 1_000_000_000_000L),
            24 * 3600, 3600, Optional.empty());

    private static final StateMap<String, CapacityParams> STATE = new StateMap<>("capacity.params",
            k -> k.getBytes(StandardCharsets.US_ASCII), new StateCodec<>() {
                @Override
                public byte[] encode(CapacityParams p) {
                    return p.encode();
                }

                @Override
                public CapacityParams decode(byte[] bytes) {
                    return CapacityParams.decode(bytes);
                }
            });

    public CapacityParams {
        if (gracePeriodSeconds < 0 || minPrepaidSeconds < 1) {
            throw new IllegalArgumentException("grace period must be >= 0 and the minimum prepaid period >= 1 s");
        }
        if (!minPrices.within(minPrices, maxPrices)) {
            throw new IllegalArgumentException("minimum prices exceed maximum prices");
        }
    }

    /** Genesis writer: puts these parameters into the state. */
    public void write(StateOverlay state) {
        STATE.put(state, "capacity", this);
    }

    /** Genesis writer for the defaults. */
    public static void writeDefaults(StateOverlay state) {
        DEFAULTS.write(state);
    }

    public static Optional<CapacityParams> read(StateReader state) {
        return STATE.get(state, "capacity");
    }

    public CapacityParams withGovernance(Address address) {
        return new CapacityParams(minPrices, maxPrices, gracePeriodSeconds, minPrepaidSeconds, Optional.of(address));
    }

    public byte[] encode() {
        return Rlp.list(minPrices.encode(), maxPrices.encode(), Rlp.uint(gracePeriodSeconds),
                Rlp.uint(minPrepaidSeconds), Rlp.bytes(governance.map(Address::bytes).orElse(new byte[0])));
    }

    public static CapacityParams decode(byte[] bytes) {
        RlpReader r = RlpReader.ofList(bytes);
        Prices min = Prices.read(r, "minPrices");
        Prices max = Prices.read(r, "maxPrices");
        long grace = r.uint64("gracePeriodSeconds");
        long prepaid = r.uint64("minPrepaidSeconds");
        byte[] gov = r.bytes();
        r.finish("capacity parameters");
        return new CapacityParams(min, max, grace, prepaid,
                gov.length == 0 ? Optional.empty() : Optional.of(Address.of(gov)));
    }
}
