package io.gridchain.consensus.signing;

import io.gridchain.consensus.message.MessageType;
import io.gridchain.consensus.signing.GuardState.SignRecord;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Signs only what cannot make this validator equivocate, across restarts. Rules, checked against the
 * stored state before any signature is made:
 * <ul>
 *   <li>a height below the last signed height is refused (regression);</li>
 *   <li>at the last signed height, a (round, step) already signed returns the stored signature if the
 *       bytes are identical (a replayed log asks again); if they differ, nothing is signed and the
 *       earlier message is handed back ({@link SignOutcome.AlreadySigned});</li>
 *   <li>a new (round, step) below the last signed one is refused (regression).</li>
 * </ul>
 * A new signature is persisted through the store before it is returned.
 */
public final class GuardedSigner implements VoteSigner {
    private final DigestSigner key;
    private final SignGuardStore store;
    private GuardState state;

    public GuardedSigner(DigestSigner key, SignGuardStore store) {
        this.key = key;
        this.store = store;
        this.state = store.load();
    }

    @Override
    public Address address() {
        return key.address();
    }

    @Override
    public SignOutcome sign(MessageType type, long height, int round, byte[] signBytes) {
        if (height < state.height()) {
            return refused(SignOutcome.Reason.REGRESSION, "height " + height + " is below last signed height " + state.height());
        }
        List<SignRecord> records = height == state.height() ? state.records() : List.of();
        for (SignRecord r : records) {
            if (r.round() == round && r.type() == type) {
                if (Arrays.equals(r.signBytes(), signBytes)) {
                    return new SignOutcome.Signed(r.signature());
                }
                return new SignOutcome.AlreadySigned(r.signBytes(), r.signature());
            }
        }
        if (!records.isEmpty() && SignRecord.slot(round, type) < records.get(records.size() - 1).slot()) {
            SignRecord last = records.get(records.size() - 1);
            return refused(SignOutcome.Reason.REGRESSION, type + " round " + round + " is before the last signed "
                    + last.type() + " round " + last.round() + " at height " + height);
        }
        Signature signature = key.signMessage(signBytes);
        List<SignRecord> next = new ArrayList<>(records.size() + 1);
        next.addAll(records);
        next.add(new SignRecord(round, type, signBytes, signature));
        GuardState nextState = new GuardState(height, next);
        store.save(nextState);
        state = nextState;
        return new SignOutcome.Signed(signature);
    }

    private static SignOutcome refused(SignOutcome.Reason reason, String detail) {
        return new SignOutcome.Refused(reason, detail);
    }
}
