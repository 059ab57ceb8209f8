package io.gridchain.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.tx.Event;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.tx.TxPayload;
import io.gridchain.wallet.Grid;
import io.gridchain.wallet.NodeClient;
import io.gridchain.wallet.NodeViews;
import io.gridchain.wallet.TxBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * What the identity, farm, grid-node and lease commands share: the signing key ({@code --keystore}), the
 * cost shown before signing and the confirmation ({@code --yes} skips it), submission, waiting for the
 * block and printing what the transaction did; and JSON reads printed for people.
 */
final class ChainTx {
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Options of every command that signs. */
    static final class Signer {
        @Option(names = {"--keystore", "--from"}, required = true,
                description = "The signing key: a keystore file (Web3 Secret Storage v3), or an address in --keystore-dir.")
        String keystore;

        @Option(names = "--yes", description = "Do not ask for confirmation after showing the cost.")
        boolean yes;

        @Option(names = "--fee", description = "Envelope fee in GRID (default: the chain's minimum fee).")
        String fee;
    }

    private ChainTx() {}

    /** Shows {@code what} and its {@code cost}, asks, signs with the keystore key, submits and waits. */
    static NodeViews.TxInfo send(CommandSpec spec, WalletCommand.Common common, Signer signer, TxPayload payload,
                                 String what, String cost) {
        PrintWriter out = spec.commandLine().getOut();
        long fee = signer.fee != null ? Grid.parse(signer.fee) : TxBuilder.DEFAULT_FEE;
        out.println(what);
        out.println("cost: " + (cost.isEmpty() ? "" : cost + " + ") + "fee " + Grid.format(fee));
        out.flush();
        if (!signer.yes) {
            confirm(out);
        }
        SigningKey key = common.store().load(signer.keystore, common.passwords().forUnlocking("the key of " + signer.keystore));
        NodeClient client = common.client();
        Transaction tx = TxBuilder.forNode(client).sign(key, payload, fee);
        client.submit(tx);
        NodeViews.TxInfo info = client.awaitCommitted(tx.hash(), Duration.ofSeconds(60))
                .orElseThrow(() -> new CliException("not committed within 60 s; check later with GET /v1/txs/" + tx.hash()));
        out.println("committed in block " + info.height().orElse(-1) + ": " + tx.hash());
        for (Event e : info.receipt().map(NodeViews.Receipt::events).orElse(List.of())) {
            out.println("  " + e.type() + " " + e.attributes());
        }
        return info;
    }

    static void confirm(PrintWriter out) {
        out.print("sign and send? [y/N] ");
        out.flush();
        String answer;
        try {
            answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (java.io.IOException e) {
            answer = null;
        }
        if (answer == null) {
            throw new CliException("no answer on standard input; add --yes to send without asking");
        }
        if (!answer.trim().toLowerCase(Locale.ROOT).startsWith("y")) {
            throw new CliException("cancelled; nothing was sent");
        }
    }

    /** The identity fee of a kind of change, read from the node: "registration" or "update". */
    static String identityFee(WalletCommand.Common common, String which) {
        JsonNode p = common.client().read("v1/params/identity");
        return which + " fee " + Grid.format(Long.parseLong(p.get(which + "Fee").asText()));
    }

    /** An event attribute of the committed transaction, e.g. the id of a new lease. */
    static String attribute(NodeViews.TxInfo info, String type, String name) {
        for (Event e : info.receipt().map(NodeViews.Receipt::events).orElse(List.of())) {
            if (e.type().equals(type) && e.attributes().containsKey(name)) {
                return e.attributes().get(name);
            }
        }
        throw new CliException("the transaction has no " + type + " event");
    }

    static void print(CommandSpec spec, JsonNode json) {
        try {
            spec.commandLine().getOut().println(PRETTY.writeValueAsString(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
