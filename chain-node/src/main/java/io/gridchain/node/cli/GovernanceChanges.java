package io.gridchain.node.cli;

import io.gridchain.core.bytes.Hex;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.governance.GovernanceAction;
import io.gridchain.core.params.ChainParams;
import io.gridchain.core.validator.Validator;
import io.gridchain.core.validator.ValidatorSet;
import io.gridchain.p2p.PeerId;
import io.gridchain.p2p.crypto.PublicKey;
import java.util.List;

/**
 * The changes {@code governance propose} makes, checked against the chain as it is now, so that a
 * proposal the chain would refuse is refused before any validator is asked to sign it.
 */
final class GovernanceChanges {
    static final List<String> PARAMS = List.of("targetBlockTimeMillis", "maxBlockBytes", "maxTransactionBytes", "minFee",
            "maxClockDriftMillis");

    private GovernanceChanges() {}

    static GovernanceAction addValidator(String key, long power, ValidatorSet current) {
        if (power <= 0) {
            throw new CliException("--power must be positive, got " + power);
        }
        byte[] publicKey = publicKey(key);
        Address address = Address.fromCompressedPublicKey(publicKey);
        if (current.contains(address)) {
            throw new CliException(address + " is a validator already (power " + current.powerOf(address)
                    + "); use --set-power to change its power");
        }
        return update(address, publicKey, power);
    }

    static GovernanceAction removeValidator(Address address, ValidatorSet current) {
        Validator v = member(address, current);
        if (current.size() == 1) {
            throw new CliException(address + " is the only validator; removing it would leave none");
        }
        return update(address, v.publicKey(), 0);
    }

    static GovernanceAction setPower(Address address, long power, ValidatorSet current) {
        Validator v = member(address, current);
        if (power <= 0) {
            throw new CliException("the new power must be positive, got " + power + "; use --remove-validator to remove " + address);
        }
        if (power == v.power()) {
            throw new CliException(address + " has power " + power + " already");
        }
        return update(address, v.publicKey(), power);
    }

    /** {@code NAME=VALUE} assignments over the current parameters; the others stay as they are. */
    static GovernanceAction setParams(List<String> assignments, ChainParams current) {
        long blockTime = current.targetBlockTimeMillis();
        long maxBlock = current.maxBlockBytes();
        long maxTx = current.maxTransactionBytes();
        long minFee = current.minFee();
        long drift = current.maxClockDriftMillis();
        for (String assignment : assignments) {
            int eq = assignment.indexOf('=');
            String name = eq < 0 ? assignment : assignment.substring(0, eq);
            if (eq < 0 || !PARAMS.contains(name)) {
                throw new CliException("--set-param takes NAME=VALUE with NAME one of " + String.join(", ", PARAMS)
                        + "; got '" + assignment + "'");
            }
            long value = wholeNumber(name, assignment.substring(eq + 1));
            switch (name) {
                case "targetBlockTimeMillis" -> blockTime = value;
                case "maxBlockBytes" -> maxBlock = value;
                case "maxTransactionBytes" -> maxTx = value;
                case "maxClockDriftMillis" -> drift = value;
                default -> minFee = value;
            }
        }
        if (maxBlock > Integer.MAX_VALUE || maxTx > Integer.MAX_VALUE) {
            throw new CliException("byte limits must be below 2^31");
        }
        ChainParams next;
        try {
            next = new ChainParams(blockTime, (int) maxBlock, (int) maxTx, minFee, drift);
        } catch (IllegalArgumentException e) {
            throw new CliException("these parameters are not valid: " + e.getMessage());
        }
        if (next.equals(current)) {
            throw new CliException("the chain has these parameters already");
        }
        return new GovernanceAction.SetParams(next);
    }

    /**
     * A validator's 33-byte compressed secp256k1 key, given in hex or as the libp2p peer id its node
     * shows in {@code GET /v1/net}, which embeds the same key. An address alone cannot do: the set
     * holds keys, and an address is a hash of one.
     */
    static byte[] publicKey(String text) {
        String s = text.strip();
        if (s.startsWith("0x") || s.startsWith("0X")) {
            byte[] bytes;
            try {
                bytes = Hex.decode(s);
            } catch (IllegalArgumentException e) {
                throw new CliException("'" + s + "' is not hex: " + e.getMessage());
            }
            if (bytes.length == 20) {
                throw new CliException(s + " is an address; give the new validator's public key (0x + 66 hex digits) or "
                        + "the peerId its node shows in GET /v1/net: the validator set holds keys, not addresses");
            }
            return checkedKey(bytes, s);
        }
        PeerId id;
        try {
            id = PeerId.fromString(s);
        } catch (RuntimeException e) {
            throw new CliException("'" + s + "' is neither a 0x public key nor a libp2p peer id");
        }
        byte[] raw = id.publicKey().map(PublicKey::raw)
                .orElseThrow(() -> new CliException("the peer id " + s + " does not embed its public key"));
        return checkedKey(raw, s);
    }

    private static byte[] checkedKey(byte[] bytes, String given) {
        try {
            Address.fromCompressedPublicKey(bytes);
        } catch (RuntimeException e) {
            throw new CliException(given + " is not a 33-byte compressed secp256k1 public key");
        }
        return bytes;
    }

    private static Validator member(Address address, ValidatorSet current) {
        return current.get(address).orElseThrow(() -> new CliException(address + " is not a validator"));
    }

    private static GovernanceAction update(Address address, byte[] key, long power) {
        return new GovernanceAction.UpdateValidators(List.of(new GovernanceAction.ValidatorUpdate(address, key, power)));
    }

    private static long wholeNumber(String name, String value) {
        try {
            long v = Long.parseLong(value.strip());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CliException(name + " must be a non-negative whole number, got '" + value + "'");
    }
}
