package io.gridchain.capacity;

import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;

/**
 * An amount of each capacity unit: {@code cru} cores, {@code mru} GiB memory, {@code sru} GiB SSD,
 * {@code hru} GiB HDD. Sums are checked: an overflow is an {@link ArithmeticException}, never a wrap.
 */
public record Resources(long cru, long mru, long sru, long hru) {
    public static final Resources ZERO = new Resources(0, 0, 0, 0);

    public Resources {
        if (cru < 0 || mru < 0 || sru < 0 || hru < 0) {
            throw new IllegalArgumentException("resource units are never negative");
        }
    }

    public boolean isZero() {
        return cru == 0 && mru == 0 && sru == 0 && hru == 0;
    }

    public Resources plus(Resources o) {
        return new Resources(Math.addExact(cru, o.cru), Math.addExact(mru, o.mru), Math.addExact(sru, o.sru),
                Math.addExact(hru, o.hru));
    }

    /** Callers only subtract what was added; going below zero is a bug. */
    public Resources minus(Resources o) {
        if (!o.fitsWithin(this)) {
            throw new IllegalStateException("cannot release " + o + " from " + this);
        }
        return new Resources(cru - o.cru, mru - o.mru, sru - o.sru, hru - o.hru);
    }

    /** True when every unit of this is at most the same unit of {@code limit}. */
    public boolean fitsWithin(Resources limit) {
        return cru <= limit.cru && mru <= limit.mru && sru <= limit.sru && hru <= limit.hru;
    }

    public byte[] encode() {
        return Rlp.list(Rlp.uint(cru), Rlp.uint(mru), Rlp.uint(sru), Rlp.uint(hru));
    }

    public static Resources read(RlpReader item, String field) {
        RlpReader r = item.list();
        Resources res = new Resources(r.uint64(field + ".cru"), r.uint64(field + ".mru"), r.uint64(field + ".sru"),
                r.uint64(field + ".hru"));
        r.finish(field);
        return res;
    }

    @Override
    public String toString() {
        return "cru=" + cru + " mru=" + mru + " sru=" + sru + " hru=" + hru;
    }
}
