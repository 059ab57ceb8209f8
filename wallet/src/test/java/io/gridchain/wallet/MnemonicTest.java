package io.gridchain.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.wallet.Mnemonic.Parsed;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class MnemonicTest {

    @Test
    void theHardhatPhraseGivesTheWellKnownAccounts() {
        Mnemonic dev = Mnemonic.require(Mnemonic.DEV_PHRASE);

        List<SigningKey> keys = dev.deriveKeys(0, 2, "");

        assertThat(keys.get(0).address()).isEqualTo(Address.require("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"));
        assertThat(keys.get(1).address()).isEqualTo(Address.require("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"));
        assertThat(dev.deriveKey(1).address()).isEqualTo(keys.get(1).address());
        assertThat(Mnemonic.path(1)).isEqualTo("m/44'/60'/0'/0/1");
    }

    @Test
    void generatesValidMnemonicsOfTwelveAndTwentyFourWords() {
        SecureRandom random = new SecureRandom();
        Mnemonic twelve = Mnemonic.generate(12, random);
        Mnemonic twentyFour = Mnemonic.generate(24, random);

        assertThat(twelve.words()).hasSize(12);
        assertThat(twentyFour.words()).hasSize(24);
        assertThat(Mnemonic.parse(twelve.phrase())).isEqualTo(new Parsed.Valid(twelve));
        assertThat(Mnemonic.parse(twentyFour.phrase())).isEqualTo(new Parsed.Valid(twentyFour));
        assertThat(twelve.toString()).isEqualTo("Mnemonic(12 words)").doesNotContain(twelve.words().get(0));
    }

    @Test
    void namesAnUnknownWordABadChecksumAndAWrongLength() {
        assertThat(Mnemonic.parse(Mnemonic.DEV_PHRASE.replace("junk", "junke")))
                .isEqualTo(new Parsed.Invalid("word 12 \"junke\" is not in the BIP-39 English word list"));
        assertThat(Mnemonic.parse(Mnemonic.DEV_PHRASE.replace("junk", "test")))
                .isEqualTo(new Parsed.Invalid("the mnemonic checksum does not match: a word is wrong or out of order"));
        assertThat(Mnemonic.parse("test test junk"))
                .isEqualTo(new Parsed.Invalid("a mnemonic has 12, 15, 18, 21 or 24 words, this one has 3"));
        assertThat(Mnemonic.parse("  ")).isInstanceOf(Parsed.Invalid.class);
        assertThat(Mnemonic.parse("  TEST test test test test test test test test test test\tjunk\n"))
                .isEqualTo(new Parsed.Valid(Mnemonic.require(Mnemonic.DEV_PHRASE)));
    }
}
