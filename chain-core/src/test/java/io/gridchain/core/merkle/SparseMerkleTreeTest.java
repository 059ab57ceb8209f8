package io.gridchain.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.testing.InMemoryNodeSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SparseMerkleTreeTest {
    private final InMemoryNodeSource nodes = new InMemoryNodeSource();
    private final SparseMerkleTree tree = new SparseMerkleTree(nodes);

    private Hash32 apply(Hash32 root, Map<Hash32, Optional<Hash32>> changes) {
        SparseMerkleTree.Update u = tree.update(root, new TreeMap<>(changes));
        nodes.putAll(u.newNodes());
        return u.root();
    }

    private static Hash32 h(int i) {
        return Keccak.hash(new byte[] {(byte) i, (byte) (i >> 8), (byte) (i >> 16)});
    }

    @Test
    void emptyTreeHasTheZeroRootAndProvesAbsence() {
        SmtProof proof = tree.prove(Hash32.ZERO, h(1));
        assertThat(proof.verify(Hash32.ZERO, h(1), Optional.empty()).isValid()).isTrue();
        assertThat(proof.verify(Hash32.ZERO, h(1), Optional.of(h(2))).isValid()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void theRootDependsOnlyOnTheContentsNotOnTheOrderOfWrites(long seed) {
        Random random = new Random(seed);
        Map<Hash32, Hash32> model = new HashMap<>();
        Hash32 root = Hash32.ZERO;
        for (int batch = 0; batch < 40; batch++) {
            Map<Hash32, Optional<Hash32>> changes = new HashMap<>();
            for (int i = 0; i < 1 + random.nextInt(20); i++) {
                Hash32 key = h(random.nextInt(200));
                if (random.nextInt(4) == 0) {
                    changes.put(key, Optional.empty());
                    model.remove(key);
                } else {
                    Hash32 value = h(1000 + random.nextInt(1000));
                    changes.put(key, Optional.of(value));
                    model.put(key, value);
                }
            }
            root = apply(root, changes);
        }
        Map<Hash32, Optional<Hash32>> all = new HashMap<>();
        model.forEach((k, v) -> all.put(k, Optional.of(v)));
        Hash32 fresh = new SparseMerkleTree(new InMemoryNodeSource()).update(Hash32.ZERO, new TreeMap<>(all)).root();
        assertThat(root).isEqualTo(fresh);

        for (int i = 0; i < 200; i++) {
            Hash32 key = h(i);
            SmtProof proof = tree.prove(root, key);
            Optional<Hash32> expected = Optional.ofNullable(model.get(key));
            assertThat(proof.verify(root, key, expected).isValid()).as("key %d", i).isTrue();
            assertThat(tree.find(root, key)).isEqualTo(expected);
            SmtProof decoded = SmtProof.decode(proof.encode());
            assertThat(decoded.verify(root, key, expected).isValid()).isTrue();
        }
    }

    @Test
    void deletingEverythingReturnsToTheEmptyRoot() {
        Map<Hash32, Optional<Hash32>> add = new HashMap<>();
        Map<Hash32, Optional<Hash32>> remove = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            add.put(h(i), Optional.of(h(i + 1)));
            remove.put(h(i), Optional.empty());
        }
        Hash32 root = apply(Hash32.ZERO, add);
        assertThat(root).isNotEqualTo(Hash32.ZERO);
        assertThat(apply(root, remove)).isEqualTo(Hash32.ZERO);
    }

    @Test
    void aProofForOneValueFailsForAnotherValueAnotherKeyOrAnotherRoot() {
        Map<Hash32, Optional<Hash32>> add = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            add.put(h(i), Optional.of(h(i + 100)));
        }
        Hash32 root = apply(Hash32.ZERO, add);
        SmtProof proof = tree.prove(root, h(7));
        assertThat(proof.verify(root, h(7), Optional.of(h(107)))).isInstanceOf(SmtProof.Check.Valid.class);
        assertThat(proof.verify(root, h(7), Optional.of(h(108)))).isInstanceOfSatisfying(SmtProof.Check.Invalid.class,
                i -> assertThat(i.reason()).contains("different value"));
        assertThat(proof.verify(root, h(7), Optional.empty()).isValid()).isFalse();
        assertThat(proof.verify(root, h(8), Optional.of(h(107))).isValid()).isFalse();
        assertThat(proof.verify(h(999), h(7), Optional.of(h(107)))).isInstanceOfSatisfying(SmtProof.Check.Invalid.class,
                i -> assertThat(i.reason()).contains("another root"));

        List<Hash32> tampered = new ArrayList<>(proof.siblings());
        tampered.set(0, h(555));
        assertThat(new SmtProof(tampered, proof.terminal()).verify(root, h(7), Optional.of(h(107))).isValid()).isFalse();
    }

    @Test
    void depthGrowsLogarithmically() {
        Map<Hash32, Optional<Hash32>> add = new HashMap<>();
        for (int i = 0; i < 4096; i++) {
            add.put(h(i), Optional.of(h(i)));
        }
        Hash32 root = apply(Hash32.ZERO, add);
        int deepest = 0;
        for (int i = 0; i < 4096; i += 37) {
            deepest = Math.max(deepest, tree.prove(root, h(i)).siblings().size());
        }
        assertThat(deepest).isLessThan(40);
    }
}
