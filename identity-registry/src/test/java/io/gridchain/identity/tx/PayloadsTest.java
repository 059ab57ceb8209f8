package io.gridchain.identity.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridchain.core.bytes.Bytes;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpException;
import io.gridchain.core.tx.TransactionHandler;
import io.gridchain.core.tx.TxPayload;
import io.gridchain.identity.IdentityRegistry;
import io.gridchain.identity.TransactionBuilders;
import io.gridchain.identity.model.KeyPurpose;
import io.gridchain.identity.model.MemberRef;
import io.gridchain.identity.model.Metadata;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PayloadsTest {
    private static final Address KEY = Address.require("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2");
    private final Map<String, TransactionHandler<?>> handlers = IdentityRegistry.handlers().stream()
            .collect(Collectors.toMap(TransactionHandler::kind, Function.identity()));

    private static List<TxPayload> everyKind() {
        Metadata m = new Metadata("Alice", Bytes.of(new byte[32]), "https://a.example", Bytes.of(new byte[32]));
        return List.of(TransactionBuilders.register("alice", m), TransactionBuilders.addKey("alice", KEY, KeyPurpose.RECOVERY),
                TransactionBuilders.revokeKey("alice", KEY), TransactionBuilders.rotateOwner("alice", KEY),
                TransactionBuilders.cancelRotation("alice"), TransactionBuilders.updateMetadata("alice", m),
                TransactionBuilders.deactivate("alice"), TransactionBuilders.suspend("alice"),
                TransactionBuilders.restore("alice"), TransactionBuilders.createOrg("acme", "alice"),
                TransactionBuilders.addOrgOwner("acme", "alice", "bob"),
                TransactionBuilders.removeOrgOwner("acme", "alice", "bob"),
                TransactionBuilders.addOrgMember("acme", "alice", MemberRef.org("team")),
                TransactionBuilders.removeOrgMember("acme", "alice", MemberRef.identity("bob")),
                TransactionBuilders.leaveOrg("acme", "alice"));
    }

    @Test
    void everyKindHasAHandlerAndRoundTrips() {
        List<TxPayload> payloads = everyKind();
        assertThat(payloads).extracting(TxPayload::kind).containsExactlyInAnyOrderElementsOf(handlers.keySet());
        for (TxPayload p : payloads) {
            assertThat(handlers.get(p.kind()).decode(p.encode())).as(p.kind()).isEqualTo(p);
        }
    }

    @Test
    void decodingRefusesExtraItemsNamingTheKind() {
        for (TxPayload p : everyKind()) {
            byte[] body = p.encode();
            byte[] withExtra = appendItem(body);
            assertThatThrownBy(() -> handlers.get(p.kind()).decode(withExtra)).as(p.kind())
                    .isInstanceOf(RlpException.class).hasMessageContaining(p.kind());
        }
    }

    @Test
    void decodingRefusesUnknownEnumValues() {
        byte[] badMember = Rlp.list(Rlp.string("acme"), Rlp.string("alice"), Rlp.list(Rlp.uint(7), Rlp.string("x")));
        assertThatThrownBy(() -> handlers.get(IdentityKinds.ORG_ADD_MEMBER).decode(badMember))
                .isInstanceOf(RlpException.class).hasMessageContaining("member type");
        byte[] shortKey = Rlp.list(Rlp.string("alice"), Rlp.bytes(new byte[19]));
        assertThatThrownBy(() -> handlers.get(IdentityKinds.REVOKE_KEY).decode(shortKey))
                .isInstanceOf(RlpException.class).hasMessageContaining("key");
    }

    /** Re-encodes a list with one more item. */
    private static byte[] appendItem(byte[] list) {
        io.gridchain.core.rlp.RlpReader r = io.gridchain.core.rlp.RlpReader.ofList(list);
        java.util.List<byte[]> items = new java.util.ArrayList<>();
        while (r.hasNext()) {
            items.add(r.rawItem());
        }
        items.add(Rlp.uint(1));
        return Rlp.list(items);
    }
}
