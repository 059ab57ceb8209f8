package io.gridchain.core.tx;

import java.util.List;

/** What executing one transaction did: applied with its events, or rejected with a reason. */
public sealed interface TxOutcome {
    record Applied(List<Event> events) implements TxOutcome {
        public Applied {
            events = List.copyOf(events);
        }
    }

    record Rejected(Rejection rejection) implements TxOutcome {}

    static TxOutcome applied(Event... events) {
        return new Applied(List.of(events));
    }

    static TxOutcome rejected(String code, String detail) {
        return new Rejected(Rejection.of(code, detail));
    }
}
