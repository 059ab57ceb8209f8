package io.gridchain.core.account;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;
import io.gridchain.core.state.StateCodec;
import io.gridchain.core.state.StateMap;

/**
 * A token account. Balances are in the smallest unit (1 GRID = 10^9 units) and held in a {@code long}:
 * every change goes through checked arithmetic, so an overflow is an error, never a wrap.
 */
public record Account(long balance, long nonce) {
    public static final Account EMPTY = new Account(0, 0);

    public static final StateMap<Address, Account> STATE =
            new StateMap<>("account", Address::bytes, new StateCodec<>() {
                @Override
                public byte[] encode(Account a) {
                    return Rlp.list(Rlp.uint(a.balance), Rlp.uint(a.nonce));
                }

                @Override
                public Account decode(byte[] bytes) {
                    RlpReader r = RlpReader.ofList(bytes);
                    return new Account(r.uint64("balance"), r.uint64("nonce"));
                }
            });

    public Account {
        if (balance < 0 || nonce < 0) {
            throw new IllegalArgumentException("balance and nonce are never negative");
        }
    }

    public Account credit(long amount) {
        return new Account(Math.addExact(balance, amount), nonce);
    }

    /** Callers check {@link #canPay} first; a debit beyond the balance is a bug. */
    public Account debit(long amount) {
        if (amount > balance) {
            throw new IllegalStateException("debit of " + amount + " exceeds balance " + balance);
        }
        return new Account(balance - amount, nonce);
    }

    public boolean canPay(long amount) {
        return amount >= 0 && amount <= balance;
    }

    public Account nextNonce() {
        return new Account(balance, Math.addExact(nonce, 1));
    }
}
