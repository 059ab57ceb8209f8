package io.gridchain.consensus.sim;

/** How a simulated validator behaves. Everything but HONEST is Byzantine. */
enum Behavior {
    HONEST,
    /** Never sends anything. */
    SILENT,
    /** Two full nodes share the key and run independently (the "Twins" technique): equivocation of
     * proposals and votes arises naturally wherever the twins see different things. */
    TWIN,
    /** Every vote also goes out with a conflicting value to half of the peers. */
    DOUBLE_VOTE,
    /** Every proposal goes out with a different (valid) value to half of the peers. */
    EQUIVOCATING_PROPOSER,
    /** Proposes values that fail validation and prevotes and precommits for them. */
    INVALID_VALUE
}
