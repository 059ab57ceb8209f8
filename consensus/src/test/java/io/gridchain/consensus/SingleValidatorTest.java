package io.gridchain.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.consensus.certificate.CommitCertificateVerifier;
import io.gridchain.consensus.signing.DigestSigner;
import io.gridchain.consensus.signing.FileSignGuardStore;
import io.gridchain.consensus.signing.GuardedSigner;
import io.gridchain.consensus.wal.WalFormat;
import io.gridchain.consensus.wal.WalRead;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.validator.Validator;
import io.gridchain.core.validator.ValidatorSet;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's driving loop, run for real: a one-validator chain with a file guard and a WAL. */
class SingleValidatorTest {
    @Test
    void aLoneValidatorDecidesEachHeightWithACertificateAndReplaysAfterACrash(@TempDir Path dir) {
        SigningKey key = SigningKey.fromPrivateKey(Keccak.hash(new byte[] {9}).bytes());
        ValidatorSet set = ValidatorSet.of(List.of(new Validator(key.address(), key.compressedPublicKey(), 1)));
        String chainId = "dev";
        ConsensusEngine engine = new ConsensusEngine(new EngineConfig(chainId, TimeoutConfig.DEFAULT),
                new GuardedSigner(DigestSigner.of(key), new FileSignGuardStore(dir.resolve("guard"))));
        ByteArrayOutputStream wal = new ByteArrayOutputStream();
        List<Output.Decide> decided = new ArrayList<>();
        Deque<Input> queue = new ArrayDeque<>(List.of(new Input.StartHeight(1, set)));
        while (!queue.isEmpty() && decided.size() < 3) {
            Input input = queue.poll();
            if (input instanceof Input.StartHeight) {
                wal.reset();
            }
            wal.writeBytes(WalFormat.entry(input));
            for (Output o : engine.apply(input)) {
                if (o instanceof Output.RequestValue r) {
                    Hash32 block = Keccak.hash(Rlp.list(Rlp.string("block"), Rlp.uint(r.height())));
                    queue.add(new Input.ValueToPropose(r.height(), r.round(), block));
                } else if (o instanceof Output.Decide d) {
                    decided.add(d);
                    queue.add(new Input.StartHeight(d.height() + 1, set));
                }
            }
        }
        assertThat(decided).extracting(Output.Decide::height).containsExactly(1L, 2L, 3L);
        for (Output.Decide d : decided) {
            assertThat(CommitCertificateVerifier.SECP256K1.verify(d.certificate(), set, chainId, d.height(), d.value())
                    .isValid()).isTrue();
        }

        // Crash after height 3 was decided but before it was committed: the WAL replays to the same decision.
        ConsensusEngine restarted = new ConsensusEngine(new EngineConfig(chainId, TimeoutConfig.DEFAULT),
                new GuardedSigner(DigestSigner.of(key), new FileSignGuardStore(dir.resolve("guard"))));
        WalRead read = WalFormat.read(wal.toByteArray());
        List<Output> replayed = new ArrayList<>();
        for (Input input : read.inputs()) {
            replayed.addAll(restarted.apply(input));
        }
        assertThat(replayed).contains(decided.get(2));
    }
}
