package io.gridchain.node.testing;

import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.params.ChainParams;
import io.gridchain.core.validator.Validator;
import io.gridchain.genesis.GenesisDocument;
import io.gridchain.node.chain.GenesisData;
import io.gridchain.node.chain.GenesisLoader;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A one-validator chain with funded accounts, built from real keys and a real genesis document. */
public final class TestChain {
    public static final long CHAIN_ID = 1337;
    public static final long FUNDS = 1_000_000_000_000L;

    public final SigningKey validator;
    public final List<SigningKey> accounts = new ArrayList<>();
    public final GenesisDocument document;
    public final GenesisData genesis;

    public TestChain(int fundedAccounts, ChainParams params) {
        this(fundedAccounts, params, java.util.function.UnaryOperator.identity());
    }

    /** {@code adjust} changes the document before it is built (e.g. to open identity registration). */
    public TestChain(int fundedAccounts, ChainParams params, java.util.function.UnaryOperator<GenesisDocument> adjust) {
        SecureRandom random = new SecureRandom();
        validator = SigningKey.random(random);
        List<GenesisDocument.Balance> balances = new ArrayList<>();
        for (int i = 0; i < fundedAccounts; i++) {
            SigningKey k = SigningKey.random(random);
            accounts.add(k);
            balances.add(new GenesisDocument.Balance(k.address(), FUNDS));
        }
        GenesisDocument base = new GenesisDocument(CHAIN_ID, Instant.parse("2026-11-22T00:00:00Z"),
                List.of(new Validator(validator.address(), validator.compressedPublicKey(), 10)), balances, params);
        document = adjust.apply(base);
        genesis = GenesisLoader.fromDocument(document);
    }

    public TestChain(int fundedAccounts) {
        this(fundedAccounts, ChainParams.DEFAULTS);
    }
}
