package io.gridchain.genesis;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.params.ChainParams;
import io.gridchain.core.validator.Validator;
import io.gridchain.genesis.GenesisDocument.Balance;
import io.gridchain.genesis.GenesisDocument.Problem;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bouncycastle.math.ec.ECPoint;
import org.web3j.crypto.Sign;

/** The rules a genesis document must meet beyond being well-formed JSON. */
final class GenesisRules {
    /** An hour: slower blocks are a configuration mistake, not a network. */
    static final long MAX_TARGET_BLOCK_TIME_MILLIS = 3_600_000;
    /** 256 MiB: a block must fit comfortably in memory and in one gossip message stream. */
    static final long MAX_BLOCK_BYTES = 256L * 1024 * 1024;

    static final Problem NO_VALIDATORS = new Problem("validators", "at least one validator is needed");

    private GenesisRules() {}

    static List<Problem> check(GenesisDocument doc) {
        List<Problem> problems = new ArrayList<>();
        checkChainId(doc.chainId(), problems);
        checkTime(doc.genesisTime(), problems);
        if (doc.validators().isEmpty()) {
            problems.add(NO_VALIDATORS);
        }
        checkValidators(indexed(doc.validators()), problems);
        checkBalances(indexed(doc.balances()), problems);
        ChainParams p = doc.params();
        checkParams(p.targetBlockTimeMillis(), p.maxBlockBytes(), p.maxTransactionBytes(), p.minFee(), problems);
        checkRegistrars(indexed(doc.identity().registrars()), problems);
        return problems;
    }

    static <T> SortedMap<Integer, T> indexed(List<T> list) {
        SortedMap<Integer, T> out = new TreeMap<>();
        for (int i = 0; i < list.size(); i++) {
            out.put(i, list.get(i));
        }
        return out;
    }

    static void checkChainId(long chainId, List<Problem> problems) {
        if (chainId <= 0) {
            problems.add(new Problem("chainId", "must be positive"));
        }
    }

    static void checkTime(Instant time, List<Problem> problems) {
        if (time.getEpochSecond() < 0) {
            problems.add(new Problem("genesisTime", "must not be before 1970-01-01T00:00:00Z"));
        }
        // The header carries milliseconds; finer digits would be silently dropped from the hash.
        if (time.getNano() % 1_000_000 != 0) {
            problems.add(new Problem("genesisTime", "must not be more precise than milliseconds"));
        }
    }

    /**
     * Checks the validators that could be read, keyed by their index in the document (entries that
     * could not be read are missing from the map and were reported by the reader).
     */
    static void checkValidators(SortedMap<Integer, Validator> validators, List<Problem> problems) {
        Map<Address, Integer> seen = new HashMap<>();
        BigInteger totalPower = BigInteger.ZERO;
        for (Map.Entry<Integer, Validator> entry : validators.entrySet()) {
            int i = entry.getKey();
            Validator v = entry.getValue();
            String at = "validators[" + i + "]";
            Integer first = seen.putIfAbsent(v.address(), i);
            if (first != null) {
                problems.add(new Problem(at + ".address", "duplicate of validators[" + first + "]"));
            }
            Optional<Address> keyAddress = addressOfCompressedKey(v.publicKey());
            if (keyAddress.isEmpty()) {
                problems.add(new Problem(at + ".publicKey", "not a point on secp256k1"));
            } else if (!keyAddress.get().equals(v.address())) {
                problems.add(new Problem(at + ".publicKey",
                        "does not match the address (this key's address is " + keyAddress.get() + ")"));
            }
            totalPower = totalPower.add(BigInteger.valueOf(v.power()));
        }
        if (totalPower.compareTo(BigInteger.valueOf(io.gridchain.core.validator.ValidatorSet.MAX_TOTAL_POWER)) > 0) {
            problems.add(new Problem("validators", "total power is over " + io.gridchain.core.validator.ValidatorSet.MAX_TOTAL_POWER
                    + " (a quorum of it must be computable without overflow)"));
        }
    }

    static void checkBalances(SortedMap<Integer, Balance> balances, List<Problem> problems) {
        Map<Address, Integer> seen = new HashMap<>();
        BigInteger supply = BigInteger.ZERO;
        for (Map.Entry<Integer, Balance> entry : balances.entrySet()) {
            int i = entry.getKey();
            Balance b = entry.getValue();
            String at = "balances[" + i + "]";
            Integer first = seen.putIfAbsent(b.address(), i);
            if (first != null) {
                problems.add(new Problem(at + ".address", "duplicate of balances[" + first + "]"));
            }
            if (b.amount() <= 0) {
                problems.add(new Problem(at + ".amount", "must be positive"));
            } else {
                supply = supply.add(BigInteger.valueOf(b.amount()));
            }
        }
        if (supply.bitLength() > 63) {
            problems.add(new Problem("balances", "total supply " + supply + " exceeds the largest amount, "
                    + Long.MAX_VALUE + " units"));
        }
    }

    static void checkRegistrars(SortedMap<Integer, GenesisDocument.Registrar> registrars, List<Problem> problems) {
        Map<Address, Integer> seen = new HashMap<>();
        for (Map.Entry<Integer, GenesisDocument.Registrar> entry : registrars.entrySet()) {
            String at = "identity.registrars[" + entry.getKey() + "]";
            Integer first = seen.putIfAbsent(entry.getValue().address(), entry.getKey());
            if (first != null) {
                problems.add(new Problem(at + ".address", "duplicate of identity.registrars[" + first + "]"));
            }
            if (entry.getValue().label().isBlank() || entry.getValue().label().length() > 100) {
                problems.add(new Problem(at + ".label", "must be 1 to 100 characters"));
            }
        }
    }

    /** Shared by the JSON reader, which must check before {@link ChainParams} would throw. */
    static void checkParams(long targetBlockTimeMillis, long maxBlockBytes, long maxTransactionBytes, long minFee,
                            List<Problem> problems) {
        if (targetBlockTimeMillis <= 0 || targetBlockTimeMillis > MAX_TARGET_BLOCK_TIME_MILLIS) {
            problems.add(new Problem("params.targetBlockTimeMillis",
                    "must be between 1 and " + MAX_TARGET_BLOCK_TIME_MILLIS));
        }
        if (maxBlockBytes <= 0 || maxBlockBytes > MAX_BLOCK_BYTES) {
            problems.add(new Problem("params.maxBlockBytes", "must be between 1 and " + MAX_BLOCK_BYTES));
        }
        if (maxTransactionBytes <= 0) {
            problems.add(new Problem("params.maxTransactionBytes", "must be positive"));
        } else if (maxTransactionBytes > maxBlockBytes) {
            problems.add(new Problem("params.maxTransactionBytes", "must not exceed maxBlockBytes"));
        }
        if (minFee < 0) {
            problems.add(new Problem("params.minFee", "must not be negative"));
        }
    }

    /** The address of a 33-byte compressed public key, or empty if the bytes are no curve point. */
    static Optional<Address> addressOfCompressedKey(byte[] compressed) {
        try {
            ECPoint point = Sign.CURVE_PARAMS.getCurve().decodePoint(compressed);
            if (compressed.length != 33 || point.isInfinity()) {
                return Optional.empty();
            }
            byte[] uncompressed = point.getEncoded(false);
            return Optional.of(Address.fromPublicKey(new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 65))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
