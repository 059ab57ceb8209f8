package io.gridchain.consensus.sim;

import io.gridchain.consensus.ConsensusEngine;
import io.gridchain.consensus.Output;
import io.gridchain.consensus.signing.DigestSigner;
import io.gridchain.consensus.signing.InMemorySignGuardStore;
import io.gridchain.core.crypto.Address;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * One simulated process: an engine plus what survives its crashes (signing guard store, WAL bytes,
 * committed decisions), and what the node layer would keep for gossip.
 */
final class SimNode {
    final int id;
    final Scenario.NodeSpec spec;
    final Address address;
    final DigestSigner key;
    final InMemorySignGuardStore guardStore = new InMemorySignGuardStore();
    final ByteArrayOutputStream wal = new ByteArrayOutputStream();
    /** Messages for the next height, held (in memory) until it starts. */
    final List<Object> nextHeight = new ArrayList<>();
    /** The engine's state when it crashed with its WAL whole, which replay must restore. */
    io.gridchain.consensus.EngineState stateAtCrash;
    final Map<Long, Output.Decide> decisions = new HashMap<>();
    final Map<Long, LinkedHashSet<Object>> messages = new HashMap<>();
    final Map<Integer, Long> peerHeight = new HashMap<>();
    final Map<Long, Long> lastCatchUp = new HashMap<>();
    ConsensusEngine engine;
    boolean up = true;
    int epoch;
    long height;
    long committed;

    SimNode(int id, Scenario.NodeSpec spec, Address address, DigestSigner key) {
        this.id = id;
        this.spec = spec;
        this.address = address;
        this.key = key;
    }

    boolean honest() {
        return spec.behavior() == Behavior.HONEST;
    }

    boolean runsEngine() {
        return spec.behavior() != Behavior.SILENT;
    }
}
