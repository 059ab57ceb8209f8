package io.gridchain.identity.tx;

import static io.gridchain.identity.tx.IdentityRejections.IDENTITY_NOT_ACTIVE;
import static io.gridchain.identity.tx.IdentityRejections.IDENTITY_NOT_FOUND;
import static io.gridchain.identity.tx.IdentityRejections.NOT_AUTHORIZED;
import static io.gridchain.identity.tx.IdentityRejections.NOT_OWNER;
import static io.gridchain.identity.tx.IdentityRejections.ORG_NOT_FOUND;

import io.gridchain.core.account.Account;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.tx.Rejection;
import io.gridchain.core.tx.TxContext;
import io.gridchain.identity.IdentityParams;
import io.gridchain.identity.IdentityState;
import io.gridchain.identity.model.HistoryEntry;
import io.gridchain.identity.model.Identity;
import io.gridchain.identity.model.IdentityStatus;
import io.gridchain.identity.model.KeyPurpose;
import io.gridchain.identity.model.Organization;
import java.util.ArrayList;
import java.util.List;

/** The identity ledger as one transaction sees it: lookups that refuse with a reason, and writes. */
final class Ledger {
    final StateOverlay state;
    final TxContext ctx;
    private IdentityParams params;

    Ledger(StateOverlay state, TxContext ctx) {
        this.state = state;
        this.ctx = ctx;
    }

    IdentityParams params() {
        if (params == null) {
            params = IdentityParams.read(state);
        }
        return params;
    }

    long height() {
        return ctx.height();
    }

    Address sender() {
        return ctx.sender();
    }

    static Refused refuse(String code, String detail) {
        return new Refused(code, detail);
    }

    Identity identity(String name) {
        return IdentityState.IDENTITIES.get(state, name)
                .orElseThrow(() -> refuse(IDENTITY_NOT_FOUND, "no identity is named '" + name + "'"));
    }

    Organization org(String name) {
        return IdentityState.ORGANIZATIONS.get(state, name)
                .orElseThrow(() -> refuse(ORG_NOT_FOUND, "no organization is named '" + name + "'"));
    }

    /** The identity, which the sender owns. */
    Identity owned(String name) {
        Identity identity = identity(name);
        if (!identity.owner().equals(sender())) {
            throw refuse(NOT_OWNER, sender() + " is not the owner of '" + name + "'");
        }
        return identity;
    }

    static void requireStatus(Identity identity, IdentityStatus required) {
        if (identity.status() != required) {
            throw refuse(IDENTITY_NOT_ACTIVE, "identity '" + identity.name() + "' is " + identity.status().wireName()
                    + (required == IdentityStatus.ACTIVE ? "" : ", not " + required.wireName()));
        }
    }

    static void requireNotDeactivated(Identity identity) {
        if (identity.status() == IdentityStatus.DEACTIVATED) {
            throw refuse(IDENTITY_NOT_ACTIVE, "identity '" + identity.name() + "' is deactivated");
        }
    }

    /** The active identity the sender acts for: as its owner or through an authentication key. */
    Identity actingAs(String name) {
        Identity identity = identity(name);
        boolean acts = identity.owner().equals(sender())
                || identity.keyValidAt(sender(), KeyPurpose.AUTHENTICATION, height()).isPresent();
        if (!acts) {
            throw refuse(NOT_AUTHORIZED, sender() + " is neither the owner nor an authentication key of '" + name + "'");
        }
        requireStatus(identity, IdentityStatus.ACTIVE);
        return identity;
    }

    /** Debits {@code amount} from the sender and credits the proposer, like the envelope fee. */
    void chargeFee(long amount, String what) {
        if (amount == 0) {
            return;
        }
        Account payer = Account.STATE.get(state, sender()).orElse(Account.EMPTY);
        if (!payer.canPay(amount)) {
            throw refuse(Rejection.INSUFFICIENT_BALANCE, "balance " + payer.balance() + " does not cover the "
                    + what + " fee of " + amount + " after the transaction fee");
        }
        Account.STATE.put(state, sender(), payer.debit(amount));
        Account proposer = Account.STATE.get(state, ctx.proposer()).orElse(Account.EMPTY);
        Account.STATE.put(state, ctx.proposer(), proposer.credit(amount));
    }

    void chargeUpdateFee() {
        chargeFee(params().updateFee(), "update");
    }

    void save(Identity identity) {
        IdentityState.IDENTITIES.put(state, identity.name(), identity);
    }

    void save(Organization org) {
        IdentityState.ORGANIZATIONS.put(state, org.name(), org);
    }

    void record(String name, String kind, String detail) {
        IdentityState.appendHistory(state, name, new HistoryEntry(height(), kind, detail));
    }

    void recordOrg(String org, String kind, String detail) {
        List<HistoryEntry> history = new ArrayList<>(IdentityState.ORG_HISTORY.get(state, org).orElse(List.of()));
        history.add(new HistoryEntry(height(), kind, detail));
        IdentityState.ORG_HISTORY.put(state, org, history);
    }
}
