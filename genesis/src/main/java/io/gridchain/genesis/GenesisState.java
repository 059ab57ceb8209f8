package io.gridchain.genesis;

import io.gridchain.core.account.Account;
import io.gridchain.core.block.Block;
import io.gridchain.core.block.BlockHeader;
import io.gridchain.core.block.CommitCertificate;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.merkle.NodeSource;
import io.gridchain.core.state.StateCommitment;
import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.state.StateReader;
import io.gridchain.core.validator.ValidatorSet;
import io.gridchain.core.validator.ValidatorSetState;
import io.gridchain.genesis.GenesisDocument.Balance;
import io.gridchain.genesis.GenesisDocument.Problem;
import io.gridchain.identity.Registrars;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The state and header a document defines. The genesis hash is the hash of {@link #header()}: it covers
 * the chain id and time directly, the validator set through its hash, and balances, validators and
 * params through the state root. Pure and deterministic; the node persists {@link #commit()}.
 */
public record GenesisState(GenesisDocument document, ValidatorSet validatorSet, StateCommitment.Commit commit,
                           BlockHeader header) {
    private static final StateReader EMPTY_STATE = key -> Optional.empty();
    private static final NodeSource EMPTY_NODES = hash -> Optional.empty();
    private static final Address NO_PROPOSER = Address.of(new byte[20]);

    /** @throws IllegalArgumentException listing the problems, if the document is not valid */
    public static GenesisState build(GenesisDocument doc) {
        List<Problem> problems = doc.validate();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid genesis document: "
                    + problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        }
        StateOverlay overlay = new StateOverlay(EMPTY_STATE);
        for (Balance b : doc.balances()) {
            Account.STATE.put(overlay, b.address(), new Account(b.amount(), 0));
        }
        ValidatorSet set = ValidatorSet.of(doc.validators());
        ValidatorSetState.write(overlay, set);
        doc.params().write(overlay);
        doc.identity().params().write(overlay);
        for (GenesisDocument.Registrar r : doc.identity().registrars()) {
            Registrars.add(overlay, r.address(), r.label(), 0);
        }
        doc.capacity().write(overlay);
        StateCommitment.Commit commit = StateCommitment.commit(EMPTY_NODES, Hash32.ZERO, overlay.changes());
        BlockHeader header = new BlockHeader(doc.chainId(), 0, Hash32.ZERO, doc.genesisTime().toEpochMilli(),
                NO_PROPOSER, Hash32.ZERO, commit.root(), set.hash(), Hash32.ZERO);
        return new GenesisState(doc, set, commit, header);
    }

    public Hash32 hash() {
        return header.hash();
    }

    public Hash32 stateRoot() {
        return commit.root();
    }

    /** Block 0: no transactions, and the empty certificate since it has no parent. */
    public Block block() {
        return new Block(header, List.of(), CommitCertificate.GENESIS);
    }
}
