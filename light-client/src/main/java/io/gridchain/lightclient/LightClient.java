package io.gridchain.lightclient;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies the block at a height from a trusted block, fetching from a primary only the blocks that
 * skipping verification needs (CometBFT's {@code verifySkipping}): try the target; when too little of
 * the trusted set signed it, try the height halfway, and so on down to adjacent blocks, which need no
 * overlap at all. Then asks each witness for the same height; a witness with another header that also
 * verifies is a conflict, reported as evidence, and nothing is trusted.
 */
public final class LightClient {
    private final LightVerifier verifier;
    private final LightBlockProvider primary;
    private final List<LightBlockProvider> witnesses;

    public LightClient(TrustOptions options, LightBlockProvider primary, List<LightBlockProvider> witnesses) {
        this.verifier = new LightVerifier(options);
        this.primary = primary;
        this.witnesses = List.copyOf(witnesses);
    }

    public sealed interface Outcome {
        /**
         * {@code fetched}: the heights asked of the primary, in order; {@code faultyWitnesses}: witnesses
         * whose differing header did not verify (they lie or lag, and were ignored), with why.
         */
        record Verified(TrustedBlock block, long signedPower, long totalPower, List<Long> fetched,
                        List<String> faultyWitnesses) implements Outcome {}

        record Refused(Refusal refusal, List<Long> fetched) implements Outcome {}

        record Conflicting(ConflictEvidence evidence) implements Outcome {}
    }

    public Outcome verifyTo(TrustedBlock root, long height, Instant now) {
        Trace trace = skipping(primary, root, height, now);
        if (trace.refusal != null) {
            return new Outcome.Refused(trace.refusal, trace.fetched);
        }
        List<String> faulty = new ArrayList<>();
        for (LightBlockProvider witness : witnesses) {
            Outcome.Conflicting conflict = crossCheck(witness, root, trace, now, faulty);
            if (conflict != null) {
                return conflict;
            }
        }
        return new Outcome.Verified(trace.verified, trace.signedPower, trace.totalPower, trace.fetched, faulty);
    }

    /** Null if the witness agrees, is unavailable, or serves a header that does not verify (noted in {@code faulty}). */
    private Outcome.Conflicting crossCheck(LightBlockProvider witness, TrustedBlock root, Trace primaryTrace,
                                           Instant now, List<String> faulty) {
        TrustedBlock target = primaryTrace.verified;
        LightBlockProvider.Fetched fetched = witness.lightBlock(target.height());
        if (fetched instanceof LightBlockProvider.Fetched.Unavailable u) {
            faulty.add(witness.name() + ": " + u.reason());
            return null;
        }
        LightBlock theirs = ((LightBlockProvider.Fetched.Found) fetched).block();
        if (theirs.header().hash().equals(target.hash())) {
            return null;
        }
        Trace witnessTrace = skipping(witness, root, target.height(), now);
        if (witnessTrace.refusal != null) {
            faulty.add(witness.name() + " serves another header at " + target.height() + " that does not verify: "
                    + witnessTrace.refusal);
            return null;
        }
        return new Outcome.Conflicting(new ConflictEvidence(root.height(), primary.name(),
                primaryTrace.blocks.get(target.height()), witness.name(), witnessTrace.blocks.get(target.height())));
    }

    /** The state of one skipping run: what was verified, fetched, or why it stopped. */
    private static final class Trace {
        final Map<Long, LightBlock> blocks = new HashMap<>();
        final List<Long> fetched = new ArrayList<>();
        TrustedBlock verified;
        long signedPower;
        long totalPower;
        Refusal refusal;
    }

    private Trace skipping(LightBlockProvider provider, TrustedBlock root, long target, Instant now) {
        Trace trace = new Trace();
        trace.verified = root;
        if (target == root.height()) {
            trace.totalPower = root.validators().totalPower();
            return trace;
        }
        Deque<Long> pending = new ArrayDeque<>();
        pending.push(target);
        while (!pending.isEmpty()) {
            long height = pending.peek();
            LightBlock block = trace.blocks.get(height);
            if (block == null) {
                LightBlockProvider.Fetched f = provider.lightBlock(height);
                trace.fetched.add(height);
                if (f instanceof LightBlockProvider.Fetched.Unavailable u) {
                    trace.refusal = new Refusal(height, Refusal.Reason.UNAVAILABLE, provider.name() + ": " + u.reason());
                    return trace;
                }
                block = ((LightBlockProvider.Fetched.Found) f).block();
                if (block.height() != height) {
                    trace.refusal = new Refusal(height, Refusal.Reason.UNAVAILABLE, provider.name()
                            + " answered with block " + block.height());
                    return trace;
                }
                trace.blocks.put(height, block);
            }
            LightVerifier.Step step = verifier.verify(trace.verified, block, now);
            if (step instanceof LightVerifier.Step.Accepted a) {
                trace.verified = a.block();
                trace.signedPower = a.signedPower();
                trace.totalPower = a.totalPower();
                pending.pop();
            } else if (step instanceof LightVerifier.Step.NeedsBisection) {
                // Never adjacent (adjacent blocks need no overlap), so the midpoint lies strictly between.
                pending.push(trace.verified.height() + (height - trace.verified.height()) / 2);
            } else {
                trace.refusal = ((LightVerifier.Step.Refused) step).refusal();
                return trace;
            }
        }
        return trace;
    }
}
