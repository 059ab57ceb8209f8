package io.gridchain.node.testing;

import io.gridchain.core.account.Account;
import io.gridchain.core.block.Block;
import io.gridchain.core.block.BlockHeader;
import io.gridchain.core.block.CommitCertificate;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.params.ChainParams;
import io.gridchain.core.state.StateCommitment;
import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.testing.InMemoryNodeSource;
import io.gridchain.core.validator.Validator;
import io.gridchain.core.validator.ValidatorSet;
import io.gridchain.core.validator.ValidatorSetState;
import io.gridchain.node.chain.GenesisData;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A one-validator chain with funded accounts, built from real keys: the fixture of node tests. */
public final class TestChain {
    public static final long CHAIN_ID = 1337;
    public static final long FUNDS = 1_000_000_000_000L;

    public final SigningKey validator;
    public final List<SigningKey> accounts = new ArrayList<>();
    public final GenesisData genesis;

    public TestChain(int fundedAccounts, ChainParams params) {
        SecureRandom random = new SecureRandom();
        validator = SigningKey.random(random);
        for (int i = 0; i < fundedAccounts; i++) {
            accounts.add(SigningKey.random(random));
        }
        StateOverlay state = new StateOverlay(key -> Optional.empty());
        for (SigningKey k : accounts) {
            Account.STATE.put(state, k.address(), new Account(FUNDS, 0));
        }
        ValidatorSet set = ValidatorSet.of(List.of(new Validator(validator.address(), validator.compressedPublicKey(), 10)));
        ValidatorSetState.write(state, set);
        params.write(state);
        StateCommitment.Commit commit = StateCommitment.commit(new InMemoryNodeSource(), Hash32.ZERO, state.changes());
        BlockHeader header = new BlockHeader(CHAIN_ID, 0, Hash32.ZERO, 1_700_000_000_000L, Address.of(new byte[20]),
                Hash32.ZERO, commit.root(), set.hash(), Hash32.ZERO);
        genesis = new GenesisData(CHAIN_ID, new Block(header, List.of(), CommitCertificate.GENESIS), commit,
                ("test genesis " + random.nextLong()).getBytes(StandardCharsets.UTF_8));
    }

    public TestChain(int fundedAccounts) {
        this(fundedAccounts, ChainParams.DEFAULTS);
    }
}
