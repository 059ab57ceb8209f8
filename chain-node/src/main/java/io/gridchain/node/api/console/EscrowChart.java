package io.gridchain.node.api.console;

import io.gridchain.capacity.Lease;
import io.gridchain.capacity.LeaseView;
import io.gridchain.wallet.Grid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A lease's escrow over time as an inline SVG drawn on the server (no script), from the lease's record:
 * the deposit at the start, falling at the lease's rate; then, for an open lease, dashed to zero at its
 * paid-until time; for a lease in grace, zero since that time; for an ended lease, the refund at its end.
 * A top-up shows as part of the deposit from the start, since the record keeps only the total.
 */
final class EscrowChart {
    private static final int W = 600;
    private static final int H = 160;
    private static final int PAD = 16;
    private static final int BOTTOM = 28;

    private EscrowChart() {}

    static String svg(LeaseView v) {
        Lease l = v.lease();
        long deposited = l.deposited();
        if (deposited <= 0 || v.paidUntil() > Instant.MAX.getEpochSecond()) {
            return "<p>This lease holds no escrow to draw (it is free or has no deposit).</p>";
        }
        long start = l.startSec();
        long now = Math.max(start, v.at());
        List<long[]> solid = new ArrayList<>();
        List<long[]> dashed = new ArrayList<>();
        solid.add(new long[] {start, deposited});
        String label;
        if (l.endedAt() > 0) {
            long end = Math.max(start, l.endedAt());
            solid.add(new long[] {end, deposited - v.used()});
            solid.add(new long[] {end, 0});
            label = ", ended at " + Instant.ofEpochSecond(end) + " having used " + Grid.format(v.used());
        } else if (now >= v.paidUntil()) {
            solid.add(new long[] {v.paidUntil(), 0});
            solid.add(new long[] {now, 0});
            label = ", ran out at " + Instant.ofEpochSecond(v.paidUntil()) + "; in grace"
                    + (l.graceEndsAt() > 0 ? " until " + Instant.ofEpochSecond(l.graceEndsAt()) : "") + " unless topped up";
        } else {
            solid.add(new long[] {now, v.escrowLeft()});
            dashed.add(new long[] {now, v.escrowLeft()});
            dashed.add(new long[] {v.paidUntil(), 0});
            label = ", " + Grid.format(v.escrowLeft()) + " left at " + Instant.ofEpochSecond(now) + ", none left at "
                    + Instant.ofEpochSecond(v.paidUntil()) + " unless topped up";
        }
        long last = Math.max(start + 1, Math.max(solid.get(solid.size() - 1)[0], dashed.isEmpty() ? 0 : dashed.get(1)[0]));
        String caption = "Escrow of lease " + l.id() + ": " + Grid.format(deposited) + " deposited at " + Instant.ofEpochSecond(start)
                + label;
        StringBuilder b = new StringBuilder("<figure class=\"escrow\"><svg viewBox=\"0 0 " + W + " " + H
                + "\" role=\"img\" aria-label=\"" + Html.esc(caption) + "\">");
        b.append("<line x1=\"").append(PAD).append("\" y1=\"").append(H - BOTTOM).append("\" x2=\"").append(W - PAD)
                .append("\" y2=\"").append(H - BOTTOM).append("\" stroke=\"#888\"/>");
        b.append("<line x1=\"").append(PAD).append("\" y1=\"8\" x2=\"").append(PAD).append("\" y2=\"").append(H - BOTTOM)
                .append("\" stroke=\"#888\"/>");
        b.append(polyline(solid, start, last, deposited, ""));
        if (!dashed.isEmpty()) {
            b.append(polyline(dashed, start, last, deposited, " stroke-dasharray=\"6 4\""));
        }
        b.append("<text x=\"").append(PAD + 4).append("\" y=\"18\" font-size=\"12\">").append(Html.esc(Grid.format(deposited)))
                .append("</text>");
        b.append("<text x=\"").append(PAD).append("\" y=\"").append(H - 10).append("\" font-size=\"12\">start</text>");
        b.append("<text x=\"").append(W - PAD).append("\" y=\"").append(H - 10).append("\" font-size=\"12\" text-anchor=\"end\">")
                .append(Html.esc(Instant.ofEpochSecond(last).toString())).append("</text>");
        return b.append("</svg><figcaption>").append(Html.esc(caption)).append("</figcaption></figure>").toString();
    }

    private static String polyline(List<long[]> points, long start, long last, long max, String extra) {
        StringBuilder p = new StringBuilder();
        for (long[] pt : points) {
            double x = PAD + (double) (pt[0] - start) / (last - start) * (W - 2 * PAD);
            double y = 8 + (1 - (double) pt[1] / max) * (H - BOTTOM - 8);
            p.append(String.format(java.util.Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return "<polyline fill=\"none\" stroke=\"#0b5cad\" stroke-width=\"2\"" + extra + " points=\"" + p.toString().strip() + "\"/>";
    }
}
