package io.gridchain.identity.auth;

import java.time.Instant;

/**
 * Where a {@link BoundedTokenIdStore} keeps its ids so that they outlive the process (the node writes
 * them to its database). {@link #NONE} keeps nothing: the store is then memory only.
 */
public interface TokenIdJournal {
    TokenIdJournal NONE = new TokenIdJournal() {
        @Override
        public void put(String id, String owner, Instant expiresAt) {}

        @Override
        public void remove(String id) {}

        @Override
        public void replay(Visitor visitor) {}
    };

    void put(String id, String owner, Instant expiresAt);

    void remove(String id);

    /** Hands every kept id to {@code visitor}, in no particular order. */
    void replay(Visitor visitor);

    interface Visitor {
        void visit(String id, String owner, Instant expiresAt);
    }
}
