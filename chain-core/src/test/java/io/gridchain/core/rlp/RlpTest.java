package io.gridchain.core.rlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridchain.core.bytes.Hex;
import org.junit.jupiter.api.Test;

class RlpTest {
    @Test
    void encodesTheSpecExamples() {
        assertThat(Hex.encode(Rlp.string("dog"))).isEqualTo("83646f67");
        assertThat(Hex.encode(Rlp.list(Rlp.string("cat"), Rlp.string("dog")))).isEqualTo("c88363617483646f67");
        assertThat(Hex.encode(Rlp.string(""))).isEqualTo("80");
        assertThat(Hex.encode(Rlp.list())).isEqualTo("c0");
        assertThat(Hex.encode(Rlp.uint(0))).isEqualTo("80");
        assertThat(Hex.encode(Rlp.uint(15))).isEqualTo("0f");
        assertThat(Hex.encode(Rlp.uint(1024))).isEqualTo("820400");
        String lorem = "Lorem ipsum dolor sit amet, consectetur adipisicing elit";
        assertThat(Hex.encode(Rlp.string(lorem))).startsWith("b838");
    }

    @Test
    void roundTripsNestedListsAndIntegers() {
        byte[] enc = Rlp.list(Rlp.uint(Long.MAX_VALUE), Rlp.list(Rlp.string("x"), Rlp.bytes(new byte[100])), Rlp.uint(0));
        RlpReader r = RlpReader.ofList(enc);
        assertThat(r.uint64("a")).isEqualTo(Long.MAX_VALUE);
        RlpReader inner = r.list();
        assertThat(inner.string()).isEqualTo("x");
        assertThat(inner.bytes()).hasSize(100);
        inner.finish("inner");
        assertThat(r.uint64("c")).isZero();
        r.finish("outer");
    }

    /** Found by RlpFuzzTest: 0x81 0x80 read as U+FFFD, which re-encodes to 0x83 ef bf bd. */
    @Test
    void refusesMalformedUtf8InsteadOfReplacingIt() {
        assertThatThrownBy(() -> RlpReader.ofList(Hex.decode("c28180")).string())
                .isInstanceOf(RlpException.class).hasMessageContaining("item 0: string is not valid UTF-8");
        // a transaction kind of invalid UTF-8 would otherwise hash and re-encode as another transaction
        assertThat(RlpReader.ofList(Rlp.list(Rlp.string("identity.register"))).string()).isEqualTo("identity.register");
    }

    @Test
    void refusesTrailingBytes() {
        assertThatThrownBy(() -> RlpReader.ofList(Hex.decode("c0" + "00")))
                .isInstanceOf(RlpException.class).hasMessageContaining("trailing");
    }

    @Test
    void refusesNonMinimalForms() {
        // a byte below 0x80 wrapped in a header
        assertThatThrownBy(() -> RlpReader.ofList(Hex.decode("c28105")).bytes())
                .hasMessageContaining("encoded as itself");
        // long form for a short length
        assertThatThrownBy(() -> RlpReader.ofList(Hex.decode("c4b8020000")).bytes())
                .hasMessageContaining("long-form");
        // length with a leading zero
        assertThatThrownBy(() -> RlpReader.ofList(Hex.decode("c4b9000100")).bytes())
                .hasMessageContaining("leading zero");
        // integer with a leading zero
        assertThatThrownBy(() -> RlpReader.ofList(Hex.decode("c3820001")).uint64("nonce"))
                .hasMessageContaining("nonce has leading zero");
    }

    @Test
    void refusesTruncationAndWrongShapes() {
        assertThatThrownBy(() -> RlpReader.ofList(Hex.decode("c5836361"))).hasMessageContaining("truncated");
        assertThatThrownBy(() -> RlpReader.ofList(Hex.decode("c3836361")).bytes()).hasMessageContaining("truncated");
        assertThatThrownBy(() -> RlpReader.ofList(Hex.decode("83636174"))).hasMessageContaining("expected a list");
        assertThatThrownBy(() -> RlpReader.ofList(new byte[0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> RlpReader.ofList(Hex.decode("c0")).uint64("fee")).hasMessageContaining("ended");
        assertThatThrownBy(() -> RlpReader.ofList(Hex.decode("c9888102030405060708")).uint64("fee"))
                .hasMessageContaining("too large");
    }
}
