package io.gridchain.node.api;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.bytes.Hex;

/** Parsing of path and query parameters into domain values, with problems for bad input. */
public final class Params {
    private Params() {}

    public static Address address(String text) {
        Address.Parsed parsed = Address.parse(text);
        if (parsed instanceof Address.Parsed.Invalid invalid) {
            throw new ProblemException(Problem.badRequest("invalid-address", invalid.reason()));
        }
        return ((Address.Parsed.Valid) parsed).address();
    }

    public static Hash32 hash(String text, String what) {
        if (text == null || !text.startsWith("0x") || text.length() != 66) {
            throw new ProblemException(Problem.badRequest("invalid-hash", what + " must be 0x followed by 64 hex digits"));
        }
        try {
            return Hash32.of(Hex.decode(text));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.badRequest("invalid-hash", what + ": " + e.getMessage()));
        }
    }

    public static long nonNegative(String text, String name, long fallback) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        try {
            long v = Long.parseLong(text);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ProblemException(Problem.badRequest("invalid-parameter", name + " must be a non-negative integer, got '" + text + "'"));
    }

    public static byte[] hexBody(String text, String field) {
        if (text == null || !text.startsWith("0x")) {
            throw new ProblemException(Problem.badRequest("malformed-request", field + " must be a 0x-prefixed hex string"));
        }
        try {
            return Hex.decode(text);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.badRequest("malformed-request", field + ": " + e.getMessage()));
        }
    }
}
