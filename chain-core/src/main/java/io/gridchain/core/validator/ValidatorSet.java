package io.gridchain.core.validator;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validators of one height, sorted by address so that every node derives the same order and the
 * same hash. The total power is at most {@link #MAX_TOTAL_POWER}, and the quorum tests compare
 * without multiplying, so no power that genesis or governance accepts can overflow them.
 */
public final class ValidatorSet {
    /** As in CometBFT: an eighth of the long range, so sums of a few sets' powers stay exact. */
    public static final long MAX_TOTAL_POWER = Long.MAX_VALUE / 8;

    private final List<Validator> validators;
    private final Map<Address, Validator> byAddress;
    private final long totalPower;
    private final Hash32 hash;

    private ValidatorSet(List<Validator> sorted) {
        this.validators = Collections.unmodifiableList(sorted);
        Map<Address, Validator> index = new LinkedHashMap<>();
        long total = 0;
        for (Validator v : sorted) {
            if (index.put(v.address(), v) != null) {
                throw new IllegalArgumentException("validator " + v.address() + " appears twice");
            }
            total = Math.addExact(total, v.power());
            if (total > MAX_TOTAL_POWER) {
                throw new IllegalArgumentException("the validators' total power is over " + MAX_TOTAL_POWER);
            }
        }
        this.byAddress = Collections.unmodifiableMap(index);
        this.totalPower = total;
        this.hash = Keccak.hash(encode());
    }

    public static ValidatorSet of(List<Validator> validators) {
        if (validators.isEmpty()) {
            throw new IllegalArgumentException("a validator set needs at least one validator");
        }
        List<Validator> sorted = new ArrayList<>(validators);
        sorted.sort(Comparator.comparing(Validator::address));
        return new ValidatorSet(sorted);
    }

    public List<Validator> validators() {
        return validators;
    }

    public int size() {
        return validators.size();
    }

    public long totalPower() {
        return totalPower;
    }

    public Optional<Validator> get(Address address) {
        return Optional.ofNullable(byAddress.get(address));
    }

    public long powerOf(Address address) {
        Validator v = byAddress.get(address);
        return v == null ? 0 : v.power();
    }

    public boolean contains(Address address) {
        return byAddress.containsKey(address);
    }

    /** More than two thirds of the total power, the BFT quorum. */
    public boolean isQuorum(long power) {
        // 3p > 2T  <=>  p > floor(2T / 3)  =  T - ceil(T / 3)
        return power > totalPower - ceilThird(totalPower);
    }

    /** At least one honest validator is among holders of more than one third. */
    public boolean exceedsOneThird(long power) {
        // 3p > T  <=>  p > floor(T / 3)
        return power > totalPower / 3;
    }

    private static long ceilThird(long total) {
        return total / 3 + (total % 3 == 0 ? 0 : 1);
    }

    public Hash32 hash() {
        return hash;
    }

    public byte[] encode() {
        List<byte[]> items = new ArrayList<>(validators.size());
        for (Validator v : validators) {
            items.add(v.encode());
        }
        return Rlp.list(items);
    }

    public static ValidatorSet decode(byte[] encoded) {
        RlpReader r = RlpReader.ofList(encoded);
        List<Validator> list = new ArrayList<>();
        while (r.hasNext()) {
            list.add(Validator.decode(r));
        }
        return of(list);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValidatorSet s && hash.equals(s.hash);
    }

    @Override
    public int hashCode() {
        return hash.hashCode();
    }

    @Override
    public String toString() {
        return "ValidatorSet(" + validators.size() + " validators, power " + totalPower + ", " + hash + ")";
    }
}
