package io.gridchain.identity;

import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpException;
import io.gridchain.core.rlp.RlpReader;
import io.gridchain.core.state.StateMap;
import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.state.StateReader;

/**
 * The identity ledger's parameters, in state under {@code identity-params}. Fees are in the smallest
 * token unit and come on top of the envelope fee, paid by the sender to the block proposer:
 * {@code registrationFee} for {@code identity.register} and {@code org.create}, {@code updateFee} for
 * every other change an identity makes. {@code rotationDelayBlocks} is how long an owner rotation
 * requested by a recovery key waits, during which the owner can cancel it.
 */
public record IdentityParams(RegistrationMode registrationMode, long registrationFee, long updateFee,
                             long rotationDelayBlocks) {
    public enum RegistrationMode {
        /** anyone may register a free name */
        OPEN,
        /** a registration must carry a registrar's countersignature */
        REGISTRAR
    }

    /** For development networks: open registration, small fees, a 10-block rotation delay. */
    public static final IdentityParams DEV = new IdentityParams(RegistrationMode.OPEN, 10_000, 1_000, 10);

    private static final StateMap<String, IdentityParams> STATE = new StateMap<>("identity-params",
            IdentityState::utf8, IdentityState.codec(IdentityParams::encode, IdentityParams::decode));

    public IdentityParams {
        if (registrationFee < 0 || updateFee < 0 || rotationDelayBlocks < 0) {
            throw new IllegalArgumentException("identity fees and the rotation delay are never negative");
        }
    }

    /** For the genesis builder (and later governance). */
    public void write(StateOverlay state) {
        STATE.put(state, "identity", this);
    }

    public static IdentityParams read(StateReader state) {
        return STATE.get(state, "identity").orElseThrow(() -> new IllegalStateException(
                "no identity parameters in state: the genesis builder must call IdentityParams.write"));
    }

    /** The state key, for proofs. */
    public static io.gridchain.core.bytes.Bytes stateKey() {
        return STATE.key("identity");
    }

    public byte[] encode() {
        return Rlp.list(Rlp.uint(registrationMode.ordinal()), Rlp.uint(registrationFee), Rlp.uint(updateFee),
                Rlp.uint(rotationDelayBlocks));
    }

    public static IdentityParams decode(byte[] bytes) {
        RlpReader r = RlpReader.ofList(bytes);
        long mode = r.uint64("registrationMode");
        if (mode >= RegistrationMode.values().length) {
            throw new RlpException("unknown registration mode " + mode);
        }
        IdentityParams p = new IdentityParams(RegistrationMode.values()[(int) mode], r.uint64("registrationFee"),
                r.uint64("updateFee"), r.uint64("rotationDelayBlocks"));
        r.finish("identity parameters");
        return p;
    }
}
