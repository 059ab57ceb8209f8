package io.gridchain.capacity;

import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;

/** Price of one unit of each resource for one hour, in token units (1 GRID = 10^9 units). */
public record Prices(long cru, long mru, long sru, long hru) {
    public Prices {
        if (cru < 0 || mru < 0 || sru < 0 || hru < 0) {
            throw new IllegalArgumentException("prices are never negative");
        }
    }

    /** Units per hour for {@code r}; throws {@link ArithmeticException} on overflow. */
    public long ratePerHour(Resources r) {
        long rate = Math.multiplyExact(cru, r.cru());
        rate = Math.addExact(rate, Math.multiplyExact(mru, r.mru()));
        rate = Math.addExact(rate, Math.multiplyExact(sru, r.sru()));
        return Math.addExact(rate, Math.multiplyExact(hru, r.hru()));
    }

    /** True when every price lies within [min, max] of the same resource. */
    public boolean within(Prices min, Prices max) {
        return cru >= min.cru && cru <= max.cru && mru >= min.mru && mru <= max.mru
                && sru >= min.sru && sru <= max.sru && hru >= min.hru && hru <= max.hru;
    }

    public byte[] encode() {
        return Rlp.list(Rlp.uint(cru), Rlp.uint(mru), Rlp.uint(sru), Rlp.uint(hru));
    }

    public static Prices read(RlpReader item, String field) {
        RlpReader r = item.list();
        Prices p = new Prices(r.uint64(field + ".cru"), r.uint64(field + ".mru"), r.uint64(field + ".sru"),
                r.uint64(field + ".hru"));
        r.finish(field);
        return p;
    }

    @Override
    public String toString() {
        return "cru=" + cru + " mru=" + mru + " sru=" + sru + " hru=" + hru + " per unit-hour";
    }
}
