package io.gridchain.genesis;

import static io.gridchain.genesis.GenesisFixtures.ALICE;
import static io.gridchain.genesis.GenesisFixtures.V0;
import static io.gridchain.genesis.GenesisFixtures.V1;
import static io.gridchain.genesis.GenesisFixtures.validJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.bytes.Hex;
import io.gridchain.genesis.GenesisDocument.Parsed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenesisDocumentTest {

    @Test
    void readsTheDocumentAndWritesItBackUnchanged() {
        GenesisDocument doc = GenesisDocument.require(validJson());

        assertThat(doc.chainId()).isEqualTo(1337);
        assertThat(doc.genesisTime()).isEqualTo(Instant.parse("2026-11-22T00:00:00Z"));
        assertThat(doc.validators()).hasSize(2);
        assertThat(doc.validators().get(1).power()).isEqualTo(20);
        assertThat(doc.balances()).containsExactly(new GenesisDocument.Balance(ALICE.address(), 1_000_000_000_000L));
        assertThat(doc.params().minFee()).isEqualTo(1000);
        assertThat(GenesisDocument.require(doc.toJson())).isEqualTo(doc);
        assertThat(doc.toJson()).contains("\"amount\" : \"1000000000000\"").contains(V0.address().toString());
    }

    @Test
    void writesAndReadsAFileButNeverOverwritesOne(@TempDir Path dir) throws Exception {
        GenesisDocument doc = GenesisDocument.require(validJson());
        Path file = dir.resolve("genesis.json");
        doc.write(file);

        assertThat(GenesisDocument.read(file)).isEqualTo(new Parsed.Valid(doc));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> doc.write(file))
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
    }

    @Test
    void namesTheFieldOfEachProblem() {
        assertProblems(validJson().replace("\"chainId\": 1337", "\"chainId\": 0"), "chainId: must be positive");
        assertProblems(validJson().replace("\"chainId\": 1337", "\"chainId\": \"1337\""), "chainId: must be an integer");
        assertProblems(validJson().replace("2026-11-22T00:00:00Z", "yesterday"),
                "genesisTime: not an ISO-8601 UTC time such as 2026-11-22T00:00:00Z");
        assertProblems(validJson().replace("00:00:00Z", "00:00:00.0000001Z"),
                "genesisTime: must not be more precise than milliseconds");
        assertProblems(validJson().replace("\"power\": 20", "\"power\": 0"), "validators[1].power: must be positive");
        assertProblems(validJson().replace("\"power\": 20", "\"power\": " + Long.MAX_VALUE),
                "validators: total power is over 1152921504606846975 (a quorum of it must be computable without overflow)");
        assertProblems(validJson().replace("\"power\": 20", "\"power\": " + (Long.MAX_VALUE / 8)),
                "validators: total power is over 1152921504606846975 (a quorum of it must be computable without overflow)");
        assertProblems(validJson().replace("\"amount\": \"1000000000000\"", "\"amount\": 1000"),
                "balances[0].amount: must be a decimal string of units, such as \"1000000000\"");
        assertProblems(validJson().replace("\"amount\": \"1000000000000\"", "\"amount\": \"0\""),
                "balances[0].amount: must be positive");
        assertProblems(validJson().replace("\"minFee\": 1000", "\"minFee\": -1"), "params.minFee: must not be negative");
        assertProblems(validJson().replace("\"maxTransactionBytes\": 65536", "\"maxTransactionBytes\": 5000000"),
                "params.maxTransactionBytes: must not exceed maxBlockBytes");
        assertProblems(validJson().replace("\"targetBlockTimeMillis\": 1000", "\"targetBlockTimeMillis\": 0"),
                "params.targetBlockTimeMillis: must be between 1 and 3600000");
    }

    @Test
    void refusesAPublicKeyOfTheWrongLengthOrOfAnotherAccount() {
        String v1Key = Hex.encodePrefixed(V1.compressedPublicKey());
        assertProblems(validJson().replace(v1Key, v1Key + "00"),
                "validators[1].publicKey: not 33 bytes (a compressed secp256k1 key), got 34");
        assertProblems(validJson().replace(v1Key, Hex.encodePrefixed(ALICE.compressedPublicKey())),
                "validators[1].publicKey: does not match the address (this key's address is " + ALICE.address() + ")");
        assertProblems(validJson().replace(v1Key, "0x02" + "ff".repeat(32)), "validators[1].publicKey: not a point on secp256k1");
    }

    @Test
    void refusesABadChecksumAndDuplicates() {
        String alice = ALICE.address().toString();
        int letter = 2;
        while (!Character.isLetter(alice.charAt(letter))) {
            letter++;
        }
        String flipped = alice.substring(0, letter) + flipCase(alice.charAt(letter)) + alice.substring(letter + 1);
        Parsed parsed = GenesisDocument.parse(validJson().replace(alice, flipped));
        assertThat(problems(parsed)).singleElement().asString()
                .startsWith("balances[0].address: address checksum (EIP-55) does not match");

        String twoBalances = validJson().replace("\"balances\": [", "\"balances\": [{\"address\": \"" + alice
                + "\", \"amount\": \"5\"}, ");
        assertProblems(twoBalances, "balances[1].address: duplicate of balances[0]");

        String v0 = "{\"address\": \"" + V0.address() + "\", \"publicKey\": \""
                + Hex.encodePrefixed(V0.compressedPublicKey()) + "\", \"power\": 1}";
        assertProblems(validJson().replace("\"validators\": [", "\"validators\": [" + v0 + ","),
                "validators[1].address: duplicate of validators[0]");
    }

    @Test
    void refusesUnknownAndMissingFieldsAndAnOverflowingSupply() {
        assertProblems(validJson().replace("\"chainId\": 1337,", "\"chainId\": 1337, \"chainID\": 5,"),
                "chainID: unknown field");
        assertProblems(validJson().replace("\"power\": 20", "\"power\": 20, \"name\": \"x\""),
                "validators[1].name: unknown field");
        assertProblems(validJson().replace("\"chainId\": 1337,", ""), "chainId: missing");
        assertProblems(validJson().replace("\"minFee\": 1000", "\"minFeex\": 1000"),
                "params.minFeex: unknown field", "params.minFee: missing");
        String big = "{\"address\": \"" + V0.address() + "\", \"amount\": \"" + Long.MAX_VALUE + "\"}";
        assertProblems(validJson().replace("\"balances\": [", "\"balances\": [" + big + ","),
                "balances: total supply 9223373036854775807 exceeds the largest amount, 9223372036854775807 units");
        assertProblems(validJson().replace("\"1000000000000\"", "\"99999999999999999999\""),
                "balances[0].amount: exceeds the largest amount, 9223372036854775807 units");
    }

    @Test
    void listsEveryProblemNotOnlyTheFirst() {
        String alice = ALICE.address().toString();
        String json = validJson().replace("\"chainId\": 1337", "\"chainId\": -5")
                .replace("\"power\": 20", "\"power\": \"20\"")
                .replace("\"balances\": [", "\"balances\": [{\"address\": \"" + alice + "\", \"amount\": \"5\"}, ")
                .replace("\"minFee\": 1000", "\"minFee\": -1");

        assertProblems(json, "chainId: must be positive", "validators[1].power: must be an integer",
                "balances[1].address: duplicate of balances[0]", "params.minFee: must not be negative");
        assertProblems(validJson().replaceAll("(?s)\"validators\": \\[.*?\\],\\s*\"balances\"", "\"validators\": [], \"balances\""),
                "validators: at least one validator is needed");
    }

    @Test
    void aCorruptedFileIsAClearErrorNamingTheLine(@TempDir Path dir) throws Exception {
        String json = validJson();
        Path file = dir.resolve("genesis.json");
        Files.writeString(file, json.substring(0, json.length() / 2), StandardCharsets.UTF_8);

        Parsed parsed = GenesisDocument.read(file);

        assertThat(problems(parsed)).singleElement().asString().startsWith("not valid JSON: ").contains("line ");
        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        assertThat(problems(GenesisDocument.read(file))).singleElement().asString().startsWith("not valid JSON");
        Files.writeString(file, "[1, 2]");
        assertThat(problems(GenesisDocument.read(file))).singleElement().asString()
                .isEqualTo("a genesis document is a JSON object");
        Files.writeString(file, json.replace("\"chainId\": 1337,", "\"chainId\": 1337, \"chainId\": 1,"));
        assertThat(problems(GenesisDocument.read(file))).singleElement().asString().contains("Duplicate field 'chainId'");
    }

    private static void assertProblems(String json, String... expected) {
        assertThat(problems(GenesisDocument.parse(json))).map(Object::toString).containsExactlyInAnyOrder(expected);
    }

    private static List<GenesisDocument.Problem> problems(Parsed parsed) {
        assertThat(parsed).isInstanceOf(Parsed.Invalid.class);
        return ((Parsed.Invalid) parsed).problems();
    }

    private static char flipCase(char c) {
        return Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
    }
}
