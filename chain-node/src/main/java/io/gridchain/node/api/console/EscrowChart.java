package io.gridchain.node.api.console;

import io.gridchain.capacity.Lease;
import io.gridchain.capacity.LeaseView;
import io.gridchain.wallet.Grid;
import java.time.Instant;

/**
 * A lease's escrow over time as an inline SVG drawn on the server (no script): what was deposited at the
 * start, what is left now, and where the line reaches zero at the paid-until time if nothing is added. It is
 * drawn from the lease's record, so a top-up shows as today's deposit from the start.
 */
final class EscrowChart {
    private static final int W = 600;
    private static final int H = 160;
    private static final int PAD = 36;

    private EscrowChart() {}

    static String svg(LeaseView v) {
        Lease l = v.lease();
        long start = l.startSec();
        long now = l.endedAt() > 0 ? Math.max(start, l.endedAt()) : Math.max(start, v.at());
        long deposited = l.deposited();
        if (deposited <= 0 || v.paidUntil() > Instant.MAX.getEpochSecond()) {
            return "<p>This lease holds no escrow to draw (it is free or has no deposit).</p>";
        }
        long end = l.endedAt() > 0 ? now + 1 : Math.max(now + 1, v.paidUntil());
        long left = v.escrowLeft();
        double span = end - start;
        String startPoint = x(0) + "," + y(deposited, deposited);
        String nowPoint = x((now - start) / span) + "," + y(left, deposited);
        String endPoint = x(1) + "," + y(0, deposited);
        String label = "Escrow of lease " + l.id() + ": " + Grid.format(deposited) + " deposited at " + Instant.ofEpochSecond(start)
                + ", " + Grid.format(left) + " left at " + Instant.ofEpochSecond(now)
                + (l.endedAt() > 0 ? ", ended" : ", none left at " + Instant.ofEpochSecond(v.paidUntil()) + " unless topped up");
        return "<figure class=\"escrow\"><svg viewBox=\"0 0 " + W + " " + H + "\" role=\"img\" aria-label=\"" + Html.esc(label) + "\">"
                + "<line x1=\"" + PAD + "\" y1=\"" + (H - PAD) + "\" x2=\"" + (W - 8) + "\" y2=\"" + (H - PAD) + "\" stroke=\"#888\"/>"
                + "<line x1=\"" + PAD + "\" y1=\"8\" x2=\"" + PAD + "\" y2=\"" + (H - PAD) + "\" stroke=\"#888\"/>"
                + "<polyline fill=\"none\" stroke=\"#0b5cad\" stroke-width=\"2\" points=\"" + startPoint + " " + nowPoint + "\"/>"
                + (l.endedAt() > 0 ? "" : "<polyline fill=\"none\" stroke=\"#0b5cad\" stroke-width=\"2\" stroke-dasharray=\"6 4\" points=\""
                        + nowPoint + " " + endPoint + "\"/>")
                + "<text x=\"" + PAD + "\" y=\"" + (H - 12) + "\" font-size=\"12\">start</text>"
                + "<text x=\"" + (W - 8) + "\" y=\"" + (H - 12) + "\" font-size=\"12\" text-anchor=\"end\">"
                + (l.endedAt() > 0 ? "ended" : "paid until") + "</text>"
                + "<text x=\"" + (PAD - 4) + "\" y=\"16\" font-size=\"12\" text-anchor=\"end\">" + Html.esc(shortGrid(deposited)) + "</text>"
                + "<text x=\"" + (PAD - 4) + "\" y=\"" + (H - PAD) + "\" font-size=\"12\" text-anchor=\"end\">0</text>"
                + "</svg><figcaption>" + Html.esc(label) + "</figcaption></figure>";
    }

    private static String shortGrid(long units) {
        return String.format(java.util.Locale.ROOT, "%.3g", units / 1e9);
    }

    private static String x(double fraction) {
        return String.format(java.util.Locale.ROOT, "%.1f", PAD + fraction * (W - 8 - PAD));
    }

    private static String y(long value, long max) {
        return String.format(java.util.Locale.ROOT, "%.1f", 8 + (1 - (double) value / max) * (H - PAD - 8));
    }
}
