package io.gridchain.genesis;

import static io.gridchain.genesis.GenesisFixtures.ALICE;
import static io.gridchain.genesis.GenesisFixtures.validJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridchain.core.account.Account;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.params.ChainParams;
import io.gridchain.core.validator.ValidatorSetState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GenesisStateTest {

    @Test
    void theSameDocumentAlwaysGivesTheSameHash() {
        GenesisState a = GenesisState.build(GenesisDocument.require(validJson()));
        GenesisState b = GenesisState.build(GenesisDocument.require(validJson()));

        assertThat(a.hash()).isEqualTo(b.hash());
        assertThat(a.stateRoot()).isEqualTo(b.stateRoot()).isNotEqualTo(Hash32.ZERO);
    }

    @Test
    void anyFieldChangeChangesTheHash() {
        Hash32 base = hashOf(validJson());
        List<String> variants = List.of(
                validJson().replace("\"chainId\": 1337", "\"chainId\": 1338"),
                validJson().replace("00:00:00Z", "00:00:01Z"),
                validJson().replace("\"power\": 20", "\"power\": 21"),
                validJson().replace("\"1000000000000\"", "\"1000000000001\""),
                validJson().replace("\"targetBlockTimeMillis\": 1000", "\"targetBlockTimeMillis\": 1001"),
                validJson().replace("\"maxBlockBytes\": 4194304", "\"maxBlockBytes\": 4194305"),
                validJson().replace("\"maxTransactionBytes\": 65536", "\"maxTransactionBytes\": 65537"),
                validJson().replace("\"minFee\": 1000", "\"minFee\": 1001"));

        for (String variant : variants) {
            assertThat(hashOf(variant)).as(variant).isNotEqualTo(base);
        }
    }

    @Test
    void theHeaderAndStateFollowTheDocument() {
        GenesisDocument doc = GenesisDocument.require(validJson());
        GenesisState genesis = GenesisState.build(doc);

        assertThat(genesis.header().height()).isZero();
        assertThat(genesis.header().parentHash()).isEqualTo(Hash32.ZERO);
        assertThat(genesis.header().timestampMillis()).isEqualTo(doc.genesisTime().toEpochMilli());
        assertThat(genesis.header().proposer()).isEqualTo(Address.of(new byte[20]));
        assertThat(genesis.header().validatorSetHash()).isEqualTo(genesis.validatorSet().hash());
        assertThat(genesis.header().stateRoot()).isEqualTo(genesis.commit().root());
        assertThat(genesis.block().hash()).isEqualTo(genesis.hash());
        assertThat(genesis.commit().newNodes()).isNotEmpty();

        Map<io.gridchain.core.bytes.Bytes, Optional<byte[]>> changes = genesis.commit().changes();
        io.gridchain.core.state.StateReader state = key -> changes.getOrDefault(key, Optional.empty());
        assertThat(Account.STATE.get(state, ALICE.address())).contains(new Account(1_000_000_000_000L, 0));
        assertThat(ValidatorSetState.read(state)).isEqualTo(genesis.validatorSet());
        assertThat(ChainParams.read(state)).isEqualTo(doc.params());
    }

    @Test
    void refusesAnInvalidDocumentBuiltInCode() {
        GenesisDocument doc = GenesisDocument.require(validJson());
        GenesisDocument bad = new GenesisDocument(-1, doc.genesisTime(), doc.validators(), doc.balances(), doc.params());

        assertThatThrownBy(() -> GenesisState.build(bad)).hasMessageContaining("chainId: must be positive");
    }

    private static Hash32 hashOf(String json) {
        return GenesisState.build(GenesisDocument.require(json)).hash();
    }
}
