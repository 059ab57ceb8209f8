package io.gridchain.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridchain.core.account.Account;
import io.gridchain.core.block.Block;
import io.gridchain.core.block.BlockHeader;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.tx.Rejection;
import io.gridchain.core.tx.Transaction;
import io.gridchain.node.chain.Ledger;
import io.gridchain.node.mempool.Admission;
import io.gridchain.node.mempool.Mempool;
import io.gridchain.node.metrics.NodeMetrics;
import io.gridchain.node.storage.ChainStore;
import io.gridchain.node.storage.TxLocation;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The chain's own routes: status, blocks, transactions, accounts and account proofs. */
final class ChainRoutes {
    private static final int MAX_BLOCKS_PER_PAGE = 100;

    private final Ledger ledger;
    private final Mempool mempool;
    private final NodeMetrics metrics;
    private final JsonViews views;
    private final Supplier<Map<String, Object>> statusExtras;
    private final Consumer<Transaction> relay;
    private final StateProofs proofs;
    private final ApiLimits limits;

    ChainRoutes(Ledger ledger, Mempool mempool, NodeMetrics metrics, JsonViews views,
                Supplier<Map<String, Object>> statusExtras, Consumer<Transaction> relay, ApiLimits limits) {
        this.limits = limits;
        this.ledger = ledger;
        this.mempool = mempool;
        this.metrics = metrics;
        this.views = views;
        this.statusExtras = statusExtras;
        this.relay = relay;
        this.proofs = new StateProofs(ledger, views);
    }

    void register(Javalin app) {
        app.get("/v1/status", this::status);
        app.get("/v1/blocks", this::blocks);
        app.get("/v1/blocks/{id}", this::block);
        app.post("/v1/txs", this::submit);
        app.post("/v1/txs/batch", this::submitBatch);
        app.get("/v1/txs/{hash}", this::transaction);
        app.get("/v1/accounts/{address}", this::account);
        app.get("/v1/accounts/{address}/txs", this::accountTransactions);
        app.get("/v1/proofs/accounts/{address}", this::accountProof);
        new LightRoutes(ledger, views).register(app);
    }

    private void status(Context ctx) {
        BlockHeader head = ledger.head();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("chainId", ledger.chainId());
        m.put("height", head.height());
        m.put("latestBlockHash", head.hash().toHex());
        m.put("latestBlockTime", JsonViews.time(head.timestampMillis()));
        m.put("genesisHash", ledger.genesisHash().toHex());
        m.put("mempoolSize", mempool.size());
        m.putAll(statusExtras.get());
        ctx.json(m);
    }

    private void block(Context ctx) {
        String id = ctx.pathParam("id");
        long height;
        if (id.startsWith("0x")) {
            Hash32 hash = Params.hash(id, "block hash");
            height = ledger.store().heightOf(hash)
                    .orElseThrow(() -> new ProblemException(Problem.notFound("no block with hash " + hash)));
        } else {
            height = Params.nonNegative(id, "block height", 0);
        }
        Block block = ledger.store().block(height)
                .orElseThrow(() -> new ProblemException(Problem.notFound("no block at height " + height
                        + "; the head is " + ledger.head().height())));
        ctx.attribute(RequestThrottle.EXTRA_COST, (long) block.transactions().size()); // a sender recovered each
        ctx.json(views.block(block, ledger.store().certificate(height).orElse(null)));
    }

    /**
     * Up to {@code limit} blocks from {@code from}, and no more blocks once the page holds
     * {@link ApiLimits#maxPageTransactions()} transactions (each costs a sender recovery): a page ends
     * before the block that would take it over that budget, unless the page has no transaction yet, so
     * every page makes progress; {@code next} says where the following page starts.
     */
    private void blocks(Context ctx) {
        long head = ledger.head().height();
        long limit = Math.min(Params.nonNegative(ctx.queryParam("limit"), "limit", 20), MAX_BLOCKS_PER_PAGE);
        long from = Params.nonNegative(ctx.queryParam("from"), "from", Math.max(0, head - limit + 1));
        List<Object> out = new ArrayList<>();
        long transactions = 0;
        long h = from;
        for (; h <= head && h < from + limit; h++) {
            Optional<Block> block = ledger.store().block(h);
            if (block.isEmpty()) {
                continue;
            }
            int count = block.get().transactions().size();
            if (transactions > 0 && transactions + count > limits.maxPageTransactions()) {
                break;
            }
            transactions += count;
            out.add(views.block(block.get(), ledger.store().certificate(h).orElse(null)));
        }
        ctx.attribute(RequestThrottle.EXTRA_COST, transactions);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("blocks", out);
        m.put("head", head);
        m.put("next", h <= head ? h : null);
        ctx.json(m);
    }

    private void submit(Context ctx) {
        JsonNode body = Json.readObject(ctx);
        Transaction tx = decode(Json.requireText(body, "tx"));
        Admission admission = mempool.add(tx);
        metrics.transactionAdmitted(admission instanceof Admission.Accepted);
        if (admission instanceof Admission.Refused refused) {
            throw new ProblemException(Problem.of(refused.rejection()));
        }
        relay.accept(tx);
        ctx.status(202).json(Map.of("hash", tx.hash().toHex(), "status", "pending"));
    }

    /** Bounded by bytes before the body is parsed, and by count before any signature is recovered. */
    private void submitBatch(Context ctx) {
        long length = ctx.contentLength() >= 0 ? ctx.contentLength() : ctx.bodyAsBytes().length;
        if (length > limits.maxBatchBytes()) {
            throw new ProblemException(new Problem(413, "batch-too-large", "Batch too large",
                    "a batch body holds at most " + limits.maxBatchBytes() + " bytes, got " + length));
        }
        JsonNode body = Json.readObject(ctx);
        JsonNode txs = body.get("txs");
        if (txs == null || !txs.isArray()) {
            throw new ProblemException(Problem.badRequest("malformed-request", "body must be {\"txs\": [\"0x…\", …]}"));
        }
        if (txs.size() > limits.maxBatchTransactions()) {
            throw new ProblemException(new Problem(413, "batch-too-large", "Batch too large",
                    "a batch holds at most " + limits.maxBatchTransactions() + " transactions, got " + txs.size()));
        }
        ctx.attribute(RequestThrottle.EXTRA_COST, (long) Math.max(0, txs.size() - 1));
        List<Object> results = new ArrayList<>(txs.size());
        for (JsonNode item : txs) {
            results.add(admitOne(item));
        }
        ctx.json(Map.of("results", results));
    }

    private Map<String, Object> admitOne(JsonNode item) {
        Map<String, Object> r = new LinkedHashMap<>();
        try {
            Transaction tx = decode(item.isTextual() ? item.asText() : null);
            Admission admission = mempool.add(tx);
            metrics.transactionAdmitted(admission instanceof Admission.Accepted);
            r.put("hash", tx.hash().toHex());
            r.put("accepted", admission instanceof Admission.Accepted);
            if (admission instanceof Admission.Accepted) {
                relay.accept(tx);
            }
            if (admission instanceof Admission.Refused refused) {
                r.put("code", refused.rejection().code());
                r.put("detail", refused.rejection().detail());
            }
        } catch (ProblemException e) {
            metrics.transactionAdmitted(false);
            r.put("hash", null);
            r.put("accepted", false);
            r.put("code", e.problem().code());
            r.put("detail", e.problem().detail());
        }
        return r;
    }

    private Transaction decode(String hex) {
        byte[] bytes = Params.hexBody(hex, "tx");
        int limit = ledger.params().maxTransactionBytes();
        if (bytes.length > limit) {
            throw new ProblemException(Problem.of(Rejection.of(Rejection.TOO_LARGE,
                    "transaction is " + bytes.length + " bytes, the limit is " + limit)));
        }
        Transaction.Decoded decoded = Transaction.decode(bytes, limit);
        if (decoded instanceof Transaction.Decoded.Malformed malformed) {
            throw new ProblemException(Problem.badRequest("malformed-transaction", malformed.reason()));
        }
        return ((Transaction.Decoded.Ok) decoded).transaction();
    }

    private void transaction(Context ctx) {
        Hash32 hash = Params.hash(ctx.pathParam("hash"), "transaction hash");
        Optional<TxLocation> location = ledger.store().transactionLocation(hash);
        if (location.isPresent()) {
            Block block = ledger.store().block(location.get().height()).orElseThrow();
            Transaction tx = block.transactions().get(location.get().index());
            Map<String, Object> m = views.transaction(tx);
            m.put("status", "committed");
            m.put("height", location.get().height());
            m.put("index", location.get().index());
            m.put("blockHash", block.hash().toHex());
            ledger.store().receipt(hash).ifPresent(r -> m.put("receipt", views.receipt(r)));
            ctx.json(m);
            return;
        }
        Transaction pending = mempool.get(hash)
                .orElseThrow(() -> new ProblemException(Problem.notFound("no pending or committed transaction " + hash)));
        Map<String, Object> m = views.transaction(pending);
        m.put("status", "pending");
        ctx.json(m);
    }

    private void account(Context ctx) {
        Address address = Params.address(ctx.pathParam("address"));
        long height = ledger.head().height();
        Account account = Account.STATE.get(ledger.state(), address).orElse(Account.EMPTY);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", address.toString());
        m.put("balance", Long.toString(account.balance()));
        m.put("nonce", account.nonce());
        m.put("pendingNonce", mempool.pendingNonce(address).orElse(account.nonce()));
        m.put("height", height);
        ctx.json(m);
    }

    /** The address's transactions (sent, or named by their events), newest first, from the store's index. */
    private void accountTransactions(Context ctx) {
        Address address = Params.address(ctx.pathParam("address"));
        int limit = (int) Math.min(Params.nonNegative(ctx.queryParam("limit"), "limit", 25), MAX_BLOCKS_PER_PAGE);
        int skip = (int) Math.min(Params.nonNegative(ctx.queryParam("skip"), "skip", 0), 10_000_000);
        ChainStore.AddressPage page = ledger.store().transactionsOf(address, skip, limit);
        List<Object> txs = new ArrayList<>();
        for (TxLocation at : page.items()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("height", at.height());
            m.put("index", at.index());
            ledger.store().block(at.height()).filter(b -> at.index() < b.transactions().size())
                    .ifPresent(b -> m.put("hash", b.transactions().get(at.index()).hash().toHex()));
            txs.add(m);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", address.toString());
        m.put("transactions", txs);
        m.put("more", page.more());
        m.put("indexedFrom", page.indexedFrom());
        m.put("height", ledger.head().height());
        ctx.json(m);
    }

    /** The account with its proof against one header (see {@link StateProofs}). */
    private void accountProof(Context ctx) {
        Address address = Params.address(ctx.pathParam("address"));
        StateProofs.Proven p = proofs.read(Account.STATE.key(address));
        Map<String, Object> fields = proofs.json(p);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", address.toString());
        m.put("height", fields.remove("height"));
        m.put("key", fields.remove("key"));
        m.put("value", fields.remove("value"));
        m.put("account", p.value().map(v -> {
            Account a = Account.STATE.decodeValue(v);
            return (Object) Map.of("balance", Long.toString(a.balance()), "nonce", a.nonce());
        }).orElse(null));
        m.putAll(fields);
        ctx.json(m);
    }
}
