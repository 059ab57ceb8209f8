package io.gridchain.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressTest {
    @ParameterizedTest
    @ValueSource(strings = { // the EIP-55 test vectors
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"})
    void checksummedAddressesRoundTrip(String text) {
        assertThat(Address.require(text).toString()).isEqualTo(text);
    }

    @Test
    void lowercaseIsAcceptedAsUnchecksummed() {
        Address a = Address.require("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
        assertThat(a.toString()).isEqualTo("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    }

    @Test
    void uppercaseIsAcceptedAsUnchecksummed() {
        Address a = Address.require("0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED");
        assertThat(a.toString()).isEqualTo("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    }

    @Test
    void aWrongCaseIsRefusedAsATypoWithoutSuggestingAnAddress() {
        Address.Parsed parsed = Address.parse("0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        assertThat(parsed).isInstanceOfSatisfying(Address.Parsed.Invalid.class, i -> assertThat(i.reason())
                .contains("checksum").contains("mistyped").doesNotContainPattern("0x[0-9a-fA-F]{40}"));
    }

    @Test
    void aChangedDigitIsRefusedWithoutSuggestingTheTyposChecksummedForm() {
        String typo = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAee"; // last digit d -> e
        Address.Parsed parsed = Address.parse(typo);
        assertThat(parsed).isInstanceOfSatisfying(Address.Parsed.Invalid.class, i -> assertThat(i.reason())
                .contains("mistyped").doesNotContainPattern("0x[0-9a-fA-F]{40}"));
    }

    @Test
    void malformedInputIsRefused() {
        assertThat(Address.parse("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")).isInstanceOf(Address.Parsed.Invalid.class);
        assertThat(Address.parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beae")).isInstanceOf(Address.Parsed.Invalid.class);
        assertThat(Address.parse("0xzaaeb6053f3e94c9b9a09f33669435e7ef1beaed")).isInstanceOfSatisfying(
                Address.Parsed.Invalid.class, i -> assertThat(i.reason()).contains("not a hex digit"));
        assertThat(Address.parse(null)).isInstanceOf(Address.Parsed.Invalid.class);
    }
}
