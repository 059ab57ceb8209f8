package io.gridchain.node.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Where the search box leads, decided without a node. */
class SearchTest {
    private static final String TX = "0x" + "1a".repeat(32);
    private static final String BLOCK = "0x" + "2b".repeat(32);
    private static final String NODE = "0x52908400098527886E0F7030069857D2E4169EE7";

    private final Search.Lookup chain = new Search.Lookup() {
        @Override
        public long head() {
            return 100;
        }

        @Override
        public boolean blockHash(String hash) {
            return hash.equals(BLOCK);
        }

        @Override
        public boolean transaction(String hash) {
            return hash.equals(TX);
        }

        @Override
        public boolean gridNode(String address) {
            return address.equalsIgnoreCase(NODE);
        }

        @Override
        public boolean identity(String name) {
            return Set.of("alice", "green").contains(name);
        }

        @Override
        public boolean organization(String name) {
            return name.equals("green");
        }

        @Override
        public Optional<Long> farmByName(String name) {
            return name.equals("green-farm") ? Optional.of(1L) : Optional.empty();
        }

        @Override
        public boolean farm(long id) {
            return id == 1;
        }

        @Override
        public boolean lease(long id) {
            return id == 1 || id == 500;
        }
    };

    private String href(String q) {
        Search.Result r = Search.find(q, chain);
        assertThat(r).as(q).isInstanceOf(Search.Result.One.class);
        return ((Search.Result.One) r).hit().href();
    }

    private String unknown(String q) {
        Search.Result r = Search.find(q, chain);
        assertThat(r).as(q).isInstanceOf(Search.Result.Unknown.class);
        return ((Search.Result.Unknown) r).reason();
    }

    @Test
    void eachKindGoesToItsPage() {
        assertThat(href("42")).isEqualTo("/blocks/42");
        assertThat(href(" 42 ")).isEqualTo("/blocks/42");
        assertThat(href("500")).isEqualTo("/leases/500");
        assertThat(href(TX)).isEqualTo("/txs/" + TX);
        assertThat(href(TX.toUpperCase().replace("0X", "0x"))).isEqualTo("/txs/" + TX);
        assertThat(href(BLOCK)).isEqualTo("/blocks/" + BLOCK);
        assertThat(href("0x" + "00".repeat(20))).isEqualTo("/accounts/0x" + "00".repeat(20));
        assertThat(href("alice")).isEqualTo("/identities/alice");
        assertThat(href("green-farm")).isEqualTo("/farms/1");
        assertThat(href("lease 1")).isEqualTo("/leases/1");
        assertThat(href("Farm #1")).isEqualTo("/farms/1");
        assertThat(href("block:7")).isEqualTo("/blocks/7");
    }

    @Test
    void whatMeansSeveralThingsOffersEach() {
        Search.Result one = Search.find("1", chain);
        assertThat(((Search.Result.Several) one).hits()).extracting(Search.Hit::href)
                .containsExactly("/blocks/1", "/leases/1", "/farms/1");
        assertThat(((Search.Result.Several) Search.find(NODE, chain)).hits()).extracting(Search.Hit::href)
                .containsExactly("/nodes/" + NODE, "/accounts/" + NODE);
        assertThat(((Search.Result.Several) Search.find("green", chain)).hits()).extracting(Search.Hit::kind)
                .containsExactly("identity", "organization");
    }

    @Test
    void theUnknownSaysWhatWasTried() {
        assertThat(unknown("nobody")).isEqualTo("no identity, organization or farm is named 'nobody'");
        assertThat(unknown("101")).contains("the head is 100");
        assertThat(unknown("lease 2")).isEqualTo("no lease has the id 2");
        assertThat(unknown("0x" + "ee".repeat(32))).contains("no block and no committed or pending transaction");
        assertThat(unknown("0x52908400098527886e0F7030069857D2E4169EE7")).contains("checksum");
        assertThat(unknown("  ")).contains("type a height");
    }
}
