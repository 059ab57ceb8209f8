package io.gridchain.consensus.sim;

import io.gridchain.consensus.ConsensusEngine;
import io.gridchain.consensus.EngineConfig;
import io.gridchain.consensus.EngineState;
import io.gridchain.consensus.Input;
import io.gridchain.consensus.Output;
import io.gridchain.consensus.certificate.CertificateCheck;
import io.gridchain.consensus.certificate.CommitCertificateVerifier;
import io.gridchain.consensus.evidence.EvidenceVerifier;
import io.gridchain.consensus.message.MessageCheck;
import io.gridchain.consensus.message.MessageType;
import io.gridchain.consensus.message.MessageVerifier;
import io.gridchain.consensus.message.Proposal;
import io.gridchain.consensus.message.SignedProposal;
import io.gridchain.consensus.message.SignedVote;
import io.gridchain.consensus.message.SignerRecovery;
import io.gridchain.consensus.message.Vote;
import io.gridchain.consensus.signing.DigestSigner;
import io.gridchain.consensus.signing.GuardedSigner;
import io.gridchain.consensus.signing.SignOutcome;
import io.gridchain.consensus.signing.VoteSigner;
import io.gridchain.consensus.wal.WalFormat;
import io.gridchain.consensus.wal.WalRead;
import io.gridchain.core.block.CommitCertificate;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.validator.Validator;
import io.gridchain.core.validator.ValidatorSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * A deterministic discrete-event simulation of a validator network around real engines. One seed
 * fixes the scenario's randomness (delays, loss, duplication, reordering, Byzantine choices), so a
 * failing seed replays exactly. It plays the node's part: ingress signature checks, the WAL, the
 * signing guard, block validity, timers, gossip (a stalled node re-sends what it has for its height)
 * and block sync (a node that hears from a peer at a lower height sends it the proposal and the
 * precommits of that height). It checks agreement, validity, honest non-equivocation, certificates
 * and termination.
 */
final class Simulation {
    static final String CHAIN_ID = "gridchain-sim";
    static final boolean TRACE = Boolean.getBoolean("sim.trace");

    private record Event(long time, long seq, Runnable action) {}

    private record Slot(Address validator, MessageType type, long height, int round) {}

    /** Switches for measuring the engine alone. */
    record Options(boolean realSignatures, boolean verifyAtIngress, boolean checkCertificates, boolean wal,
            boolean unhashedSignatures, boolean legacyWalCut) {
        static final Options CHECKED = new Options(false, true, true, true, false, false);
        /** Nothing checks signatures, so each validator "signs" with one fixed value, without hashing. */
        static final Options BENCHMARK = new Options(false, false, false, false, true, false);
        /**
         * The defect the replay check guards against, for showing that it fails: messages held for the
         * next height are applied when it starts without being logged in its WAL (as the node did when
         * they were logged in the previous height's file, which the new height cuts).
         */
        static final Options LEGACY_WAL_CUT = new Options(false, true, true, true, false, true);

        Options(boolean realSignatures, boolean verifyAtIngress, boolean checkCertificates, boolean wal,
                boolean unhashedSignatures) {
            this(realSignatures, verifyAtIngress, checkCertificates, wal, unhashedSignatures, false);
        }
    }

    /** Next-height messages a node holds until that height starts (the driver's bound). */
    static final int MAX_NEXT_HEIGHT_MESSAGES = 256;

    private final long seed;
    private final Scenario scenario;
    private final Options options;
    private final SplittableRandom rnd;
    private final PriorityQueue<Event> queue = new PriorityQueue<>(
            (a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
    private final java.util.ArrayDeque<Event> immediate = new java.util.ArrayDeque<>();
    private boolean started;
    private int honestStillDeciding;
    private final List<SimNode> nodes = new ArrayList<>();
    private final ValidatorSet baseSet;
    private final ValidatorSet changedSet;
    private final ValueRegistry registry = new ValueRegistry();
    private final MessageVerifier verifier;
    private final CommitCertificateVerifier certificates;
    private final EvidenceVerifier evidence;
    private final Map<Long, Hash32> firstDecision = new HashMap<>();
    private final Map<Slot, byte[]> honestSignatures = new HashMap<>();
    private final List<Violation> violations = new ArrayList<>();
    private long now;
    private long seq;
    private long delivered;
    private long inputs;
    private long evidenceFound;
    private long refusals;
    private long restarts;

    Simulation(long seed, Scenario scenario, Options options) {
        this.seed = seed;
        this.scenario = scenario;
        this.options = options;
        this.rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 1);
        SignerRecovery recovery = options.realSignatures() ? SignerRecovery.SECP256K1 : SimSignatures.RECOVERY;
        this.verifier = new MessageVerifier(recovery);
        this.certificates = new CommitCertificateVerifier(recovery);
        this.evidence = new EvidenceVerifier(recovery);
        int n = scenario.powers().length;
        Address[] addresses = new Address[n];
        byte[][] publicKeys = new byte[n][];
        DigestSigner[] keys = new DigestSigner[n];
        for (int i = 0; i < n; i++) {
            Hash32 secret = Keccak.hash(Rlp.list(Rlp.string("sim-validator"), Rlp.uint(seed), Rlp.uint(i)));
            if (options.realSignatures()) {
                SigningKey key = SigningKey.fromPrivateKey(secret.bytes());
                keys[i] = DigestSigner.of(key);
                addresses[i] = key.address();
                publicKeys[i] = key.compressedPublicKey();
            } else {
                addresses[i] = Address.of(Arrays.copyOfRange(secret.bytes(), 12, 32));
                keys[i] = options.unhashedSignatures() ? SimSignatures.fixed(addresses[i]) : SimSignatures.signer(addresses[i]);
                publicKeys[i] = new byte[33];
                publicKeys[i][0] = 2;
                System.arraycopy(secret.bytes(), 0, publicKeys[i], 1, 32);
            }
        }
        this.baseSet = set(addresses, publicKeys, scenario.powers());
        this.changedSet = scenario.changedPowers() == null ? null : set(addresses, publicKeys, scenario.changedPowers());
        for (Scenario.NodeSpec spec : scenario.nodes()) {
            nodes.add(new SimNode(nodes.size(), spec, addresses[spec.validator()], keys[spec.validator()]));
            honestStillDeciding += spec.behavior() == Behavior.HONEST ? 1 : 0;
        }
    }

    private static ValidatorSet set(Address[] addresses, byte[][] keys, long[] powers) {
        List<Validator> list = new ArrayList<>();
        for (int i = 0; i < addresses.length; i++) {
            list.add(new Validator(addresses[i], keys[i], powers[i]));
        }
        return ValidatorSet.of(list);
    }

    static SimResult run(long seed, Scenario scenario) {
        return new Simulation(seed, scenario, Options.CHECKED).run();
    }

    ValidatorSet setFor(long height) {
        return changedSet != null && height >= scenario.changeHeight() ? changedSet : baseSet;
    }

    SimResult run() {
        for (SimNode n : nodes) {
            if (n.runsEngine()) {
                at(0, () -> start(n));
                at(scenario.gossipInterval(), () -> gossip(n));
            }
        }
        for (Scenario.Crash c : scenario.crashes()) {
            SimNode n = nodes.get(c.node());
            at(c.at(), () -> crash(n, c.tornBytes()));
            at(c.at() + c.downFor(), () -> restart(n));
        }
        long limit = scenario.timeLimit();
        started = true;
        while (true) {
            Event e = next();
            if (e == null) {
                break;
            }
            if (e.time > limit || allDecided() || !violations.isEmpty() && violations.get(0).kind() == Violation.Kind.AGREEMENT) {
                break;
            }
            now = e.time;
            e.action.run();
        }
        long minCommitted = Long.MAX_VALUE;
        for (SimNode n : nodes) {
            if (n.honest()) {
                minCommitted = Math.min(minCommitted, n.committed);
                if (n.committed < scenario.heights()) {
                    violations.add(new Violation(Violation.Kind.TERMINATION, "node " + n.id + " committed only "
                            + n.committed + " of " + scenario.heights() + " heights by t=" + limit + "ms (stable from "
                            + scenario.stableFrom() + "ms)"));
                }
            }
        }
        return new SimResult(seed, scenario, List.copyOf(violations), minCommitted == Long.MAX_VALUE ? 0 : minCommitted,
                now, delivered, inputs, evidenceFound, refusals, restarts);
    }

    private boolean allDecided() {
        return honestStillDeciding == 0;
    }

    /**
     * Events run in (time, sequence) order. Those scheduled for the current instant go to a FIFO rather
     * than the heap: they come after every heap event of the same instant (scheduled earlier, so with a
     * lower sequence), so the order is the same and a zero-delay run avoids the heap.
     */
    private void at(long time, Runnable action) {
        Event e = new Event(time, seq++, action);
        if (time == now && started) {
            immediate.add(e);
        } else {
            queue.add(e);
        }
    }

    private Event next() {
        Event head = queue.peek();
        if (head != null && head.time == now) {
            return queue.poll();
        }
        if (!immediate.isEmpty()) {
            return immediate.poll();
        }
        return queue.poll();
    }

    // ---- the node's part ----

    private ConsensusEngine newEngine(SimNode n) {
        VoteSigner signer = n.honest() ? new Recording(n, new GuardedSigner(n.key, n.guardStore)) : new Unguarded(n.key);
        return new ConsensusEngine(new EngineConfig(CHAIN_ID, scenario.timeouts()), signer);
    }

    private void start(SimNode n) {
        if (!n.up) {
            return;
        }
        n.engine = newEngine(n);
        feed(n, new Input.StartHeight(1, setFor(1)));
    }

    private void feed(SimNode n, Input input) {
        feed(n, input, true);
    }

    /**
     * Logs, then applies, as the node's driver does: an input the engine would not act on is neither.
     * A StartHeight cuts the log (the block store holds everything before this height) and is followed
     * by the messages held for the new height, each logged after it.
     */
    private void feed(SimNode n, Input input, boolean logged) {
        if (!n.up || n.engine == null) {
            return;
        }
        if (input instanceof Input.StartHeight s) {
            n.wal.reset();
            n.height = s.height();
            n.messages.keySet().removeIf(h -> h < s.height()); // gossip is about this height and the next
        } else if (!n.engine.admits(input)) {
            return;
        }
        if (logged && n.honest() && options.wal()) {
            n.wal.writeBytes(WalFormat.entry(input)); // write ahead, then apply
        }
        inputs++;
        List<Output> outputs = n.engine.apply(input);
        if (TRACE) {
            System.out.println(now + " n" + n.id + " " + input + " -> " + outputs + " " + n.engine.state());
        }
        carryOut(n, outputs);
        if (input instanceof Input.StartHeight s) {
            List<Object> held = new ArrayList<>(n.nextHeight);
            n.nextHeight.clear();
            for (Object m : held) {
                if (messageHeight(m) == s.height()) {
                    feed(n, asInput(m), !options.legacyWalCut());
                } else if (messageHeight(m) == s.height() + 1) {
                    n.nextHeight.add(m);
                }
            }
        }
    }

    private static Input asInput(Object message) {
        return message instanceof SignedVote sv ? new Input.VoteReceived(sv) : new Input.ProposalReceived((SignedProposal) message);
    }

    private static long messageHeight(Object message) {
        return message instanceof SignedVote sv ? sv.vote().height() : ((SignedProposal) message).proposal().height();
    }

    private void carryOut(SimNode n, List<Output> outputs) {
        for (Output o : outputs) {
            if (o instanceof Output.BroadcastProposal p) {
                remember(n, p.proposal().proposal().height(), p.proposal());
                broadcast(n, p.proposal());
            } else if (o instanceof Output.BroadcastVote v) {
                remember(n, v.vote().vote().height(), v.vote());
                broadcast(n, v.vote());
            } else if (o instanceof Output.ScheduleTimeout t) {
                int epoch = n.epoch;
                at(now + t.delayMillis(), () -> {
                    if (n.epoch == epoch) {
                        feed(n, new Input.TimeoutExpired(t.kind(), t.height(), t.round()));
                    }
                });
            } else if (o instanceof Output.RequestValue r) {
                Hash32 value = n.spec.behavior() == Behavior.INVALID_VALUE
                        ? registry.garbage(n.id, r.height(), r.round())
                        : registry.build(n.id, r.height(), r.round());
                answer(n, new Input.ValueToPropose(r.height(), r.round(), value));
            } else if (o instanceof Output.ValidateValue v) {
                answer(n, new Input.ValueValidity(v.height(), v.value(), registry.isValid(v.value())));
            } else if (o instanceof Output.Decide d) {
                onDecide(n, d);
            } else if (o instanceof Output.EvidenceFound e) {
                evidenceFound++;
                if (!evidence.verify(e.evidence(), CHAIN_ID, setFor(e.evidence().first().vote().height())).isValid()) {
                    violations.add(new Violation(Violation.Kind.EVIDENCE, "node " + n.id + " made unverifiable evidence"));
                }
            } else if (o instanceof Output.SigningRefused) {
                refusals++;
            }
        }
    }

    private void answer(SimNode n, Input input) {
        int epoch = n.epoch;
        long delay = scenario.delayAfterGst() == 0 ? 0 : rnd.nextLong(0, 5);
        at(now + delay, () -> {
            if (n.epoch == epoch) {
                feed(n, input);
            }
        });
    }

    private void onDecide(SimNode n, Output.Decide d) {
        record(n, d, "decided");
        long h = d.height();
        if (h < scenario.heights()) {
            int epoch = n.epoch;
            at(now, () -> {
                if (n.epoch == epoch && n.height == h) {
                    feed(n, new Input.StartHeight(h + 1, setFor(h + 1)));
                }
            });
        }
    }

    /** Block sync: the node commits a block it did not decide itself, on the strength of its certificate. */
    private void onSync(SimNode n, Output.Decide d) {
        long h = d.height();
        if (n.height != h || n.decisions.containsKey(h)) {
            return;
        }
        CertificateCheck check = certificates.verify(d.certificate(), setFor(h), CHAIN_ID, h, d.value());
        if (!check.isValid()) {
            return; // a node does not commit what it cannot verify
        }
        record(n, d, "synced");
        if (h < scenario.heights()) {
            feed(n, new Input.StartHeight(h + 1, setFor(h + 1)));
        }
    }

    private void record(SimNode n, Output.Decide d, String how) {
        long h = d.height();
        if (n.honest()) {
            Hash32 first = firstDecision.putIfAbsent(h, d.value());
            if (first != null && !first.equals(d.value())) {
                violations.add(new Violation(Violation.Kind.AGREEMENT, "height " + h + ": node " + n.id + " " + how + " "
                        + d.value() + " but " + first + " was decided too"));
            }
            if (!registry.isValid(d.value())) {
                violations.add(new Violation(Violation.Kind.VALIDITY, "height " + h + ": node " + n.id + " " + how
                        + " a value that was never built or is invalid: " + d.value()));
            }
            if (options.checkCertificates()) {
                CertificateCheck check = certificates.verify(d.certificate(), setFor(h), CHAIN_ID, h, d.value());
                if (!check.isValid()) {
                    violations.add(new Violation(Violation.Kind.CERTIFICATE, "height " + h + ": node " + n.id + ": " + check));
                }
            }
        }
        n.decisions.put(h, d);
        if (n.honest() && n.committed < scenario.heights() && h >= scenario.heights()) {
            honestStillDeciding--;
        }
        n.committed = Math.max(n.committed, h);
    }

    private void crash(SimNode n, int tornBytes) {
        if (!n.up) {
            return;
        }
        n.up = false;
        n.epoch++;
        n.stateAtCrash = tornBytes == 0 && n.engine != null && n.honest() ? n.engine.state() : null;
        n.engine = null;
        n.messages.clear(); // what the node had seen was in memory
        n.nextHeight.clear();
        byte[] wal = n.wal.toByteArray();
        n.wal.reset();
        n.wal.writeBytes(Arrays.copyOf(wal, Math.max(0, wal.length - tornBytes)));
    }

    /** Replays the WAL into a fresh engine with the same guard store, then carries on. */
    private void restart(SimNode n) {
        if (n.up) {
            return;
        }
        n.up = true;
        n.epoch++;
        restarts++;
        n.engine = newEngine(n);
        WalRead read = WalFormat.read(n.wal.toByteArray());
        if (read.end() instanceof WalRead.CorruptEntry c) {
            violations.add(new Violation(Violation.Kind.WAL, "node " + n.id + ": " + c));
        }
        n.wal.reset();
        n.height = n.committed; // the log starts with messages for committed + 1, then its StartHeight
        for (Input input : read.inputs()) {
            feed(n, input); // re-logged as the new WAL; identical inputs give identical outputs
            // A real node gossips from its vote sets, which the replay rebuilt: so does this one.
            if (input instanceof Input.VoteReceived v) {
                remember(n, v.vote().vote().height(), v.vote());
            } else if (input instanceof Input.ProposalReceived p) {
                remember(n, p.proposal().proposal().height(), p.proposal());
            }
        }
        EngineState replayed = n.engine.state();
        if (n.stateAtCrash != null && options.wal() && !replayed.equals(n.stateAtCrash)) {
            // The WAL rule: every input applied at a height is in its log, so replay restores the state.
            violations.add(new Violation(Violation.Kind.WAL_REPLAY, "node " + n.id + " restarted as " + replayed
                    + " but crashed as " + n.stateAtCrash));
        }
        if (n.engine.state().height() <= n.committed) {
            // The log did not reach this height's StartHeight (empty, or its tail was torn).
            feed(n, new Input.StartHeight(n.committed + 1, setFor(n.committed + 1)));
        }
    }

    private void remember(SimNode n, long height, Object message) {
        if (height >= n.height) {
            n.messages.computeIfAbsent(height, h -> new LinkedHashSet<>()).add(message);
        }
    }

    /**
     * Gossip's eventual delivery: every tick a node sends each peer at its height the messages of that
     * height the peer has not got yet (real gossip learns this from the peers' announced vote sets;
     * the simulation reads the peer's set directly).
     */
    private void gossip(SimNode n) {
        at(now + scenario.gossipInterval(), () -> gossip(n));
        if (!n.up || n.engine == null || n.spec.behavior() != Behavior.HONEST && n.spec.behavior() != Behavior.TWIN) {
            return;
        }
        LinkedHashSet<Object> mine = n.messages.get(n.height);
        if (mine == null) {
            return;
        }
        for (SimNode to : nodes) {
            if (to == n || !to.up || to.height > n.height) {
                continue;
            }
            if (n.decisions.containsKey(to.height) && !to.decisions.containsKey(to.height)) {
                catchUp(n, to, to.height); // we decided the peer's height: block sync
                continue;
            }
            if (to.height < n.height) {
                continue;
            }
            LinkedHashSet<Object> theirs = to.messages.get(n.height);
            for (Object m : mine) {
                if (theirs == null || !theirs.contains(m)) {
                    send(n, to, m);
                }
            }
        }
    }

    private void broadcast(SimNode n, Object message) {
        Object alternative = byzantineAlternative(n, message);
        for (SimNode to : nodes) {
            if (to != n) {
                send(n, to, alternative != null && rnd.nextBoolean() ? alternative : message);
            }
        }
    }

    /** The second message a Byzantine node sends to some peers instead of {@code message}, or null. */
    private Object byzantineAlternative(SimNode n, Object message) {
        switch (n.spec.behavior()) {
            case DOUBLE_VOTE -> {
                if (message instanceof SignedVote sv) {
                    Vote v = sv.vote();
                    Hash32 other = v.isNil() ? registry.build(n.id, v.height(), v.round()) : null;
                    Vote alt = new Vote(v.chainId(), v.type(), v.height(), v.round(), other);
                    return new SignedVote(alt, n.address, n.key.sign(alt.digest()));
                }
            }
            case EQUIVOCATING_PROPOSER -> {
                if (message instanceof SignedProposal sp) {
                    Proposal p = sp.proposal();
                    Proposal alt = new Proposal(p.chainId(), p.height(), p.round(),
                            registry.build(n.id, p.height(), p.round()), p.polRound());
                    return new SignedProposal(alt, n.address, n.key.sign(alt.digest()));
                }
            }
            case INVALID_VALUE -> {
                if (message instanceof SignedVote sv) {
                    Vote v = sv.vote();
                    Vote alt = new Vote(v.chainId(), v.type(), v.height(), v.round(),
                            registry.garbage(n.id, v.height(), v.round()));
                    return new SignedVote(alt, n.address, n.key.sign(alt.digest()));
                }
            }
            default -> {
                return null;
            }
        }
        return null;
    }

    private void send(SimNode from, SimNode to, Object message) {
        for (Scenario.Partition p : scenario.partitions()) {
            if (p.separates(from.id, to.id, now)) {
                return;
            }
        }
        boolean synchronous = now >= scenario.gst();
        if (!synchronous && rnd.nextDouble() < scenario.loss()) {
            return;
        }
        long maxDelay = synchronous ? scenario.delayAfterGst() : scenario.delayBeforeGst();
        at(now + (maxDelay == 0 ? 0 : rnd.nextLong(0, maxDelay + 1)), () -> deliver(from, to, message));
        if (scenario.duplication() > 0 && rnd.nextDouble() < scenario.duplication()) {
            at(now + (maxDelay == 0 ? 0 : rnd.nextLong(0, maxDelay + 1)), () -> deliver(from, to, message));
        }
    }

    private void deliver(SimNode from, SimNode to, Object message) {
        if (!to.up || to.engine == null) {
            return;
        }
        delivered++;
        if (message instanceof SyncBlock b) {
            onSync(to, b.decide());
            return;
        }
        long h = message instanceof SignedVote sv ? sv.vote().height() : ((SignedProposal) message).proposal().height();
        to.peerHeight.merge(from.id, h, Math::max);
        if (h < to.height) {
            catchUp(to, from, h);
            return;
        }
        if (h > to.height + 1) {
            return; // too far ahead to hold; gossip brings it again later
        }
        LinkedHashSet<Object> seen = to.messages.computeIfAbsent(h, k -> new LinkedHashSet<>());
        if (seen.contains(message)) {
            return;
        }
        if (options.verifyAtIngress() && !ingressCheck(message, h).isValid()) {
            return;
        }
        if (h == to.height + 1) {
            if (to.nextHeight.size() < MAX_NEXT_HEIGHT_MESSAGES) {
                seen.add(message);
                to.nextHeight.add(message); // held, as the driver does, until the height starts
            }
            return;
        }
        seen.add(message);
        feed(to, asInput(message));
    }

    private MessageCheck ingressCheck(Object message, long h) {
        return message instanceof SignedVote sv ? verifier.verify(sv, CHAIN_ID, setFor(h))
                : verifier.verify((SignedProposal) message, CHAIN_ID, setFor(h));
    }

    /** Block sync: send a lagging peer the decided block of its height with its certificate. */
    private void catchUp(SimNode n, SimNode peer, long h) {
        Output.Decide d = n.decisions.get(h);
        Long last = n.lastCatchUp.get(h * 1024 + peer.id);
        if (d == null || last != null && now - last < scenario.gossipInterval()) {
            return;
        }
        n.lastCatchUp.put(h * 1024 + peer.id, now);
        send(n, peer, new SyncBlock(d));
    }

    private record SyncBlock(Output.Decide decide) {}

    /** An honest node's signer: the guard, plus the checker's record of everything it let out. */
    private final class Recording implements VoteSigner {
        private final SimNode node;
        private final VoteSigner inner;

        Recording(SimNode node, VoteSigner inner) {
            this.node = node;
            this.inner = inner;
        }

        @Override
        public Address address() {
            return inner.address();
        }

        @Override
        public SignOutcome sign(MessageType type, long height, int round, byte[] signBytes) {
            SignOutcome outcome = inner.sign(type, height, round, signBytes);
            if (outcome instanceof SignOutcome.Signed) {
                byte[] before = honestSignatures.putIfAbsent(new Slot(node.address, type, height, round), signBytes);
                if (before != null && !Arrays.equals(before, signBytes)) {
                    violations.add(new Violation(Violation.Kind.DOUBLE_SIGN, "honest node " + node.id + " signed two "
                            + type + " at height " + height + " round " + round));
                }
            }
            return outcome;
        }
    }

    /** A Byzantine node's signer: no guard. */
    private static final class Unguarded implements VoteSigner {
        private final DigestSigner key;

        Unguarded(DigestSigner key) {
            this.key = key;
        }

        @Override
        public Address address() {
            return key.address();
        }

        @Override
        public SignOutcome sign(MessageType type, long height, int round, byte[] signBytes) {
            return new SignOutcome.Signed(key.signMessage(signBytes));
        }
    }
}
