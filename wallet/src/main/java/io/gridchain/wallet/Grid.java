package io.gridchain.wallet;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Amounts as people write them: GRID with up to nine decimals, 1 GRID = 10^9 units. */
public final class Grid {
    public static final long UNITS_PER_GRID = 1_000_000_000L;

    private Grid() {}

    /** Parses {@code "1.5"} or {@code "1.5 GRID"} to units; refuses more than nine decimals or overflow. */
    public static long parse(String text) {
        String s = text.strip();
        if (s.toUpperCase(java.util.Locale.ROOT).endsWith("GRID")) {
            s = s.substring(0, s.length() - 4).strip();
        }
        if (!s.matches("[0-9]+(\\.[0-9]+)?")) {
            throw new WalletException("not an amount of GRID: \"" + text + "\" (write e.g. 1.5)");
        }
        BigDecimal units = new BigDecimal(s).movePointRight(9);
        if (units.stripTrailingZeros().scale() > 0) {
            throw new WalletException("an amount has at most nine decimals (1 unit = 0.000000001 GRID)");
        }
        BigInteger exact = units.toBigIntegerExact();
        if (exact.bitLength() > 63) {
            throw new WalletException("amount is too large");
        }
        return exact.longValueExact();
    }

    /** {@code 1500000000} → {@code "1.5 GRID"}. */
    public static String format(long units) {
        return new BigDecimal(BigInteger.valueOf(units), 9).stripTrailingZeros().toPlainString() + " GRID";
    }
}
