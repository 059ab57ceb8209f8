package io.gridchain.core.merkle;

import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A path from the root to where a key lives or would live: the sibling hashes from the root down,
 * and what was found there — a leaf (the key's own, or another key's that proves absence) or nothing.
 * {@link #verify} needs only the root.
 */
public record SmtProof(List<Hash32> siblings, Optional<LeafAt> terminal) {
    public SmtProof {
        siblings = List.copyOf(siblings);
    }

    public record LeafAt(Hash32 path, Hash32 valueHash) {}

    public sealed interface Check {
        record Valid() implements Check {}

        record Invalid(String reason) implements Check {}

        default boolean isValid() {
            return this instanceof Valid;
        }
    }

    /**
     * Checks that under {@code root} the key whose path is {@code path} holds the value with hash
     * {@code expectedValueHash}, or, when that is empty, holds nothing.
     */
    public Check verify(Hash32 root, Hash32 path, Optional<Hash32> expectedValueHash) {
        if (siblings.size() > 256) {
            return new Check.Invalid("proof is deeper than 256 levels");
        }
        if (expectedValueHash.isPresent()) {
            if (terminal.isEmpty() || !terminal.get().path().equals(path)) {
                return new Check.Invalid("proof does not end at the key's leaf");
            }
            if (!terminal.get().valueHash().equals(expectedValueHash.get())) {
                return new Check.Invalid("the leaf holds a different value");
            }
        } else if (terminal.isPresent()) {
            Hash32 other = terminal.get().path();
            if (other.equals(path)) {
                return new Check.Invalid("the key is present, the proof claims absence");
            }
            for (int i = 0; i < siblings.size(); i++) {
                if (other.bit(i) != path.bit(i)) {
                    return new Check.Invalid("the leaf found is not on the key's path");
                }
            }
        }
        Hash32 h = terminal.map(l -> new SmtNode.Leaf(l.path(), l.valueHash()).hash()).orElse(Hash32.ZERO);
        for (int depth = siblings.size() - 1; depth >= 0; depth--) {
            Hash32 sibling = siblings.get(depth);
            h = path.bit(depth) == 1 ? new SmtNode.Branch(sibling, h).hash() : new SmtNode.Branch(h, sibling).hash();
        }
        return h.equals(root) ? new Check.Valid() : new Check.Invalid("the proof leads to another root");
    }

    public static Hash32 pathOf(byte[] key) {
        return Keccak.hash(key);
    }

    public byte[] encode() {
        List<byte[]> sibs = new ArrayList<>();
        for (Hash32 s : siblings) {
            sibs.add(Rlp.bytes(s.bytes()));
        }
        byte[] term = terminal.map(l -> Rlp.list(Rlp.bytes(l.path().bytes()), Rlp.bytes(l.valueHash().bytes())))
                .orElse(Rlp.list());
        return Rlp.list(Rlp.list(sibs), term);
    }

    public static SmtProof decode(byte[] encoded) {
        RlpReader r = RlpReader.ofList(encoded);
        RlpReader sibs = r.list();
        List<Hash32> siblings = new ArrayList<>();
        while (sibs.hasNext()) {
            siblings.add(Hash32.of(sibs.bytes(32, "sibling")));
        }
        RlpReader term = r.list();
        Optional<LeafAt> leaf = Optional.empty();
        if (term.hasNext()) {
            leaf = Optional.of(new LeafAt(Hash32.of(term.bytes(32, "leaf path")), Hash32.of(term.bytes(32, "leaf value hash"))));
        }
        term.finish("proof leaf");
        r.finish("proof");
        return new SmtProof(siblings, leaf);
    }
}
