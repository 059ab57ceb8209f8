package io.gridchain.consensus.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridchain.consensus.message.Proposal;
import io.gridchain.consensus.message.Vote;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.crypto.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuardedSignerTest {
    static final SigningKey KEY = SigningKey.fromPrivateKey(Keccak.hash(new byte[] {7}).bytes());
    static final Hash32 A = Keccak.hash(new byte[] {1});
    static final Hash32 B = Keccak.hash(new byte[] {2});

    @Test
    void refusesConflictsAndRegressionsButRepeatsIdenticalRequests() {
        GuardedSigner g = new GuardedSigner(DigestSigner.of(KEY), new InMemorySignGuardStore());
        SignOutcome first = g.sign(Vote.prevote("c", 5, 1, A));
        assertThat(first).isInstanceOf(SignOutcome.Signed.class);
        assertThat(g.sign(Vote.prevote("c", 5, 1, A))).isEqualTo(first);
        SignOutcome conflict = g.sign(Vote.prevote("c", 5, 1, B));
        assertThat(conflict).isInstanceOf(SignOutcome.AlreadySigned.class);
        assertThat(Vote.fromSignBytes(((SignOutcome.AlreadySigned) conflict).signBytes())).isEqualTo(Vote.prevote("c", 5, 1, A));
        assertThat(((SignOutcome.AlreadySigned) conflict).signature()).isEqualTo(((SignOutcome.Signed) first).signature());
        assertThat(g.sign(Vote.prevote("c", 5, 1, null))).isInstanceOf(SignOutcome.AlreadySigned.class);
        assertThat(g.sign(Vote.precommit("c", 5, 1, A))).isInstanceOf(SignOutcome.Signed.class);
        assertThat(refusal(g.sign(new Proposal("c", 5, 1, A, -1)))).isEqualTo(SignOutcome.Reason.REGRESSION);
        assertThat(refusal(g.sign(Vote.prevote("c", 5, 0, A)))).isEqualTo(SignOutcome.Reason.REGRESSION);
        assertThat(refusal(g.sign(Vote.prevote("c", 4, 9, A)))).isEqualTo(SignOutcome.Reason.REGRESSION);
        assertThat(g.sign(Vote.prevote("c", 5, 2, B))).isInstanceOf(SignOutcome.Signed.class);
        assertThat(g.sign(Vote.prevote("c", 6, 0, B))).isInstanceOf(SignOutcome.Signed.class);
    }

    @Test
    void theFileStoreRemembersAcrossRestarts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("guard.bin");
        GuardedSigner before = new GuardedSigner(DigestSigner.of(KEY), new FileSignGuardStore(file));
        SignOutcome signed = before.sign(Vote.prevote("c", 3, 0, A));
        assertThat(Files.exists(dir.resolve("guard.bin.tmp"))).isFalse();

        GuardedSigner after = new GuardedSigner(DigestSigner.of(KEY), new FileSignGuardStore(file));
        assertThat(after.sign(Vote.prevote("c", 3, 0, B))).isInstanceOf(SignOutcome.AlreadySigned.class);
        assertThat(after.sign(Vote.prevote("c", 3, 0, A))).isEqualTo(signed);
        assertThat(refusal(after.sign(Vote.prevote("c", 2, 0, A)))).isEqualTo(SignOutcome.Reason.REGRESSION);
    }

    @Test
    void aDamagedFileStopsTheNode(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("guard.bin");
        new GuardedSigner(DigestSigner.of(KEY), new FileSignGuardStore(file)).sign(Vote.prevote("c", 3, 0, A));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);
        assertThatThrownBy(() -> new GuardedSigner(DigestSigner.of(KEY), new FileSignGuardStore(file)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("checksum");
    }

    private static SignOutcome.Reason refusal(SignOutcome o) {
        assertThat(o).isInstanceOf(SignOutcome.Refused.class);
        return ((SignOutcome.Refused) o).reason();
    }
}
