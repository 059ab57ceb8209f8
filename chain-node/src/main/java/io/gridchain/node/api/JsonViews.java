package io.gridchain.node.api;

import io.gridchain.core.block.Block;
import io.gridchain.core.block.BlockHeader;
import io.gridchain.core.block.CommitCertificate;
import io.gridchain.core.exec.Receipt;
import io.gridchain.core.tx.Event;
import io.gridchain.core.tx.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of chain objects. Token amounts are decimal strings; hashes and bytes 0x-hex. */
public final class JsonViews {
    private final PayloadViews payloads;

    public JsonViews(PayloadViews payloads) {
        this.payloads = payloads;
    }

    public static String time(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }

    public Map<String, Object> header(BlockHeader h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("chainId", h.chainId());
        m.put("height", h.height());
        m.put("parentHash", h.parentHash().toHex());
        m.put("timestamp", time(h.timestampMillis()));
        m.put("proposer", h.proposer().toString());
        m.put("transactionsRoot", h.transactionsRoot().toHex());
        m.put("stateRoot", h.stateRoot().toHex());
        m.put("validatorSetHash", h.validatorSetHash().toHex());
        m.put("lastCommitHash", h.lastCommitHash().toHex());
        return m;
    }

    public Map<String, Object> block(Block b, CommitCertificate commit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hash", b.hash().toHex());
        m.put("height", b.height());
        m.put("header", header(b.header()));
        List<Object> txs = new ArrayList<>();
        for (Transaction tx : b.transactions()) {
            txs.add(transaction(tx));
        }
        m.put("transactions", txs);
        m.put("lastCommit", certificate(b.lastCommit()));
        m.put("commit", commit == null ? null : certificate(commit));
        return m;
    }

    public Map<String, Object> certificate(CommitCertificate c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("height", c.height());
        m.put("round", c.round());
        m.put("blockHash", c.blockHash().toHex());
        List<Object> sigs = new ArrayList<>();
        for (CommitCertificate.CommitSignature s : c.signatures()) {
            sigs.add(Map.of("validator", s.validator().toString(), "signature", s.signature().toString()));
        }
        m.put("signatures", sigs);
        return m;
    }

    public Map<String, Object> transaction(Transaction tx) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hash", tx.hash().toHex());
        m.put("kind", tx.kind());
        m.put("sender", tx.sender().map(Object::toString).orElse(null));
        m.put("nonce", tx.nonce());
        m.put("fee", Long.toString(tx.fee()));
        m.put("payload", payloads.render(tx.kind(), tx.payload()));
        return m;
    }

    public Map<String, Object> receipt(Receipt r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "success");
        m.put("fee", Long.toString(r.fee()));
        m.put("events", events(r.events()));
        return m;
    }

    public static List<Object> events(List<Event> events) {
        List<Object> out = new ArrayList<>();
        for (Event e : events) {
            out.add(Map.of("type", e.type(), "attributes", e.attributes()));
        }
        return out;
    }
}
