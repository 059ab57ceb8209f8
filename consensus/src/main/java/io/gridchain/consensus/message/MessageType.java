package io.gridchain.consensus.message;

/**
 * The kinds of signed consensus messages. The code is the second field of every signed payload, so
 * a signature over one kind can never be replayed as another; the order is the order of the steps
 * within a round, which the signing guard uses to refuse going back.
 */
public enum MessageType {
    PROPOSAL(1),
    PREVOTE(2),
    PRECOMMIT(3);

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static MessageType ofCode(long code) {
        for (MessageType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown consensus message type " + code);
    }
}
