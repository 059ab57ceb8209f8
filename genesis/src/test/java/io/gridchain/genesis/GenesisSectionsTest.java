package io.gridchain.genesis;

import static io.gridchain.genesis.GenesisFixtures.ALICE;
import static io.gridchain.genesis.GenesisFixtures.validJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.capacity.CapacityParams;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.identity.IdentityParams;
import io.gridchain.identity.Registrars;
import io.gridchain.core.state.StateReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The optional identity and capacity sections: defaults, strict reading, the hash, the state they write. */
class GenesisSectionsTest {
    private static final String SECTIONS = """
            ,
              "identity": {"registration": "open", "registrationFee": "5", "updateFee": "1",
                           "rotationDelayBlocks": 7, "registrars": [{"address": "%s", "label": "grid registrar"}]},
              "capacity": {"minPrices": {"cru": "1", "mru": "0", "sru": "0", "hru": "0"},
                           "maxPrices": {"cru": "100", "mru": "100", "sru": "100", "hru": "100"},
                           "gracePeriodSeconds": 60, "minPrepaidSeconds": 10, "governance": "%s"}
            }
            """.formatted(ALICE.address(), ALICE.address());

    private static String withSections(String sections) {
        String base = validJson().stripTrailing();
        return base.substring(0, base.length() - 1).stripTrailing() + sections;
    }

    @Test
    void absentSectionsTakeTheProductionDefaults() {
        GenesisDocument doc = GenesisDocument.require(validJson());
        assertThat(doc.identity()).isEqualTo(GenesisDocument.IdentitySection.PRODUCTION);
        assertThat(doc.identity().params().registrationMode()).isEqualTo(IdentityParams.RegistrationMode.REGISTRAR);
        assertThat(doc.capacity()).isEqualTo(CapacityParams.DEFAULTS);
    }

    @Test
    void sectionsAreReadWrittenAndRoundTrip() {
        GenesisDocument doc = GenesisDocument.require(withSections(SECTIONS));
        assertThat(doc.identity().params()).isEqualTo(new IdentityParams(IdentityParams.RegistrationMode.OPEN, 5, 1, 7));
        assertThat(doc.identity().registrars()).containsExactly(new GenesisDocument.Registrar(ALICE.address(), "grid registrar"));
        assertThat(doc.capacity().gracePeriodSeconds()).isEqualTo(60);
        assertThat(doc.capacity().governance()).contains(ALICE.address());
        assertThat(GenesisDocument.require(doc.toJson())).isEqualTo(doc);
    }

    @Test
    void theSectionsAreInTheStateAndTheHash() {
        GenesisDocument doc = GenesisDocument.require(withSections(SECTIONS));
        GenesisState genesis = GenesisState.build(doc);
        StateReader state = key -> genesis.commit().changes().getOrDefault(key, java.util.Optional.empty());
        assertThat(IdentityParams.read(state).rotationDelayBlocks()).isEqualTo(7);
        assertThat(Registrars.isRegistrar(state, ALICE.address())).isTrue();
        assertThat(CapacityParams.read(state)).contains(doc.capacity());

        Hash32 withDefaults = GenesisState.build(GenesisDocument.require(validJson())).hash();
        assertThat(genesis.hash()).isNotEqualTo(withDefaults);
        for (String variant : List.of(SECTIONS.replace("\"5\"", "\"6\""), SECTIONS.replace("\"open\"", "\"registrar\""),
                SECTIONS.replace(": 60", ": 61"), SECTIONS.replace("grid registrar", "other"))) {
            assertThat(GenesisState.build(GenesisDocument.require(withSections(variant))).hash()).as(variant)
                    .isNotEqualTo(genesis.hash());
        }
    }

    @Test
    void eachBadFieldIsNamed() {
        String bad = SECTIONS.replace("\"open\"", "\"closed\"").replace("\"5\"", "\"-5\"").replace(": 7", ": -7")
                .replace("\"cru\": \"1\"", "\"cru\": \"1000\"").replace(": 10,", ": 0,")
                .replace("\"label\": \"grid registrar\"", "\"label\": \"x\", \"extra\": 1");
        GenesisDocument.Parsed parsed = GenesisDocument.parse(withSections(bad));
        assertThat(parsed).isInstanceOf(GenesisDocument.Parsed.Invalid.class);
        String text = ((GenesisDocument.Parsed.Invalid) parsed).describe();
        assertThat(text).contains("identity.registration:", "identity.registrationFee:", "identity.rotationDelayBlocks:",
                "identity.registrars[0].extra: unknown field", "capacity.minPrepaidSeconds:");
        GenesisDocument.Parsed prices = GenesisDocument.parse(withSections(SECTIONS.replace("\"cru\": \"1\"", "\"cru\": \"1000\"")));
        assertThat(((GenesisDocument.Parsed.Invalid) prices).describe()).contains("capacity.minPrices");
    }
}
