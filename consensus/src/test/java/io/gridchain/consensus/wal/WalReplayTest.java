package io.gridchain.consensus.wal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.consensus.ConsensusEngine;
import io.gridchain.consensus.EngineConfig;
import io.gridchain.consensus.Input;
import io.gridchain.consensus.Output;
import io.gridchain.consensus.TimeoutConfig;
import io.gridchain.consensus.TimeoutKind;
import io.gridchain.consensus.message.Proposal;
import io.gridchain.consensus.message.Vote;
import io.gridchain.consensus.signing.DigestSigner;
import io.gridchain.consensus.signing.GuardedSigner;
import io.gridchain.consensus.signing.InMemorySignGuardStore;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.validator.Validator;
import io.gridchain.core.validator.ValidatorSet;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replaying the log into a fresh engine with the same guard store reproduces state and outputs. */
class WalReplayTest {
    static final String CHAIN = "wal-test";
    static final EngineConfig CONFIG = new EngineConfig(CHAIN, new TimeoutConfig(300, 100, 150, 50, 150, 50));

    final List<SigningKey> keys = new ArrayList<>();
    final ValidatorSet set;

    WalReplayTest() {
        List<Validator> vs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SigningKey k = SigningKey.fromPrivateKey(Keccak.hash(Rlp.list(Rlp.string("wal"), Rlp.uint(i))).bytes());
            keys.add(k);
            vs.add(new Validator(k.address(), k.compressedPublicKey(), 10));
        }
        set = ValidatorSet.of(vs);
    }

    /** A height that goes through a nil round, a lock, a round change and a decision. */
    List<Input> script() {
        Hash32 a = Keccak.hash(new byte[] {1});
        Hash32 b = Keccak.hash(new byte[] {2});
        List<Input> in = new ArrayList<>();
        in.add(new Input.StartHeight(1, set));
        in.add(new Input.TimeoutExpired(TimeoutKind.PROPOSE, 1, 0));
        for (int i = 1; i < 4; i++) {
            in.add(new Input.VoteReceived(Vote.prevote(CHAIN, 1, 0, null).signWith(keys.get(i))));
        }
        for (int i = 1; i < 4; i++) {
            in.add(new Input.VoteReceived(Vote.precommit(CHAIN, 1, 0, null).signWith(keys.get(i))));
        }
        in.add(new Input.TimeoutExpired(TimeoutKind.PRECOMMIT, 1, 0));
        for (int r = 1; r < 3; r++) {
            for (int i = 0; i < 4; i++) {
                in.add(new Input.ProposalReceived(new Proposal(CHAIN, 1, r, r == 1 ? a : b, -1).signWith(keys.get(i))));
                in.add(new Input.ValueToPropose(1, r, r == 1 ? a : b));
            }
            in.add(new Input.ValueValidity(1, r == 1 ? a : b, true));
            for (int i = 1; i < 4; i++) {
                in.add(new Input.VoteReceived(Vote.prevote(CHAIN, 1, r, a).signWith(keys.get(i))));
            }
            in.add(new Input.TimeoutExpired(TimeoutKind.PREVOTE, 1, r));
            in.add(new Input.TimeoutExpired(TimeoutKind.PRECOMMIT, 1, r));
        }
        for (int i = 1; i < 4; i++) {
            in.add(new Input.VoteReceived(Vote.precommit(CHAIN, 1, 1, a).signWith(keys.get(i))));
        }
        return in;
    }

    @Test
    void replayReproducesStateAndOutputs() {
        InMemorySignGuardStore store = new InMemorySignGuardStore();
        ConsensusEngine live = new ConsensusEngine(CONFIG, new GuardedSigner(DigestSigner.of(keys.get(0)), store));
        ByteArrayOutputStream wal = new ByteArrayOutputStream();
        List<Output> liveOutputs = new ArrayList<>();
        for (Input input : script()) {
            wal.writeBytes(WalFormat.entry(input));
            liveOutputs.addAll(live.apply(input));
        }
        assertThat(liveOutputs).anySatisfy(o -> assertThat(o).isInstanceOf(Output.Decide.class));
        assertThat(liveOutputs).anySatisfy(o -> assertThat(o).isInstanceOf(Output.BroadcastVote.class));

        WalRead read = WalFormat.read(wal.toByteArray());
        assertThat(read.end()).isEqualTo(new WalRead.Clean());
        assertThat(read.inputs()).isEqualTo(script());
        ConsensusEngine replayed = new ConsensusEngine(CONFIG, new GuardedSigner(DigestSigner.of(keys.get(0)), store));
        List<Output> replayOutputs = new ArrayList<>();
        for (Input input : read.inputs()) {
            replayOutputs.addAll(replayed.apply(input));
        }
        assertThat(replayOutputs).isEqualTo(liveOutputs);
        assertThat(replayed.state()).isEqualTo(live.state());
    }

    @Test
    void aTornTailIsDroppedAndACorruptMiddleIsReported() {
        ByteArrayOutputStream wal = new ByteArrayOutputStream();
        List<Input> script = script().subList(0, 5);
        for (Input input : script) {
            wal.writeBytes(WalFormat.entry(input));
        }
        byte[] full = wal.toByteArray();
        for (int cut = 1; cut < 40; cut++) {
            WalRead torn = WalFormat.read(Arrays.copyOf(full, full.length - cut));
            assertThat(torn.end()).isInstanceOf(WalRead.TruncatedTail.class);
            assertThat(torn.inputs()).isEqualTo(script.subList(0, 4));
        }
        byte[] zeroTail = Arrays.copyOf(full, full.length + 100);
        assertThat(WalFormat.read(zeroTail).end()).isInstanceOf(WalRead.TruncatedTail.class);
        assertThat(WalFormat.read(zeroTail).inputs()).isEqualTo(script);

        byte[] lastFlipped = full.clone();
        lastFlipped[full.length - 3] ^= 0x40;
        assertThat(WalFormat.read(lastFlipped).end()).isInstanceOf(WalRead.TruncatedTail.class);

        byte[] middleFlipped = full.clone();
        int secondEntry = WalFormat.entry(script.get(0)).length;
        middleFlipped[secondEntry + 12] ^= 0x01;
        WalRead corrupt = WalFormat.read(middleFlipped);
        assertThat(corrupt.end()).isInstanceOf(WalRead.CorruptEntry.class);
        assertThat(((WalRead.CorruptEntry) corrupt.end()).offset()).isEqualTo(secondEntry);
        assertThat(corrupt.inputs()).isEqualTo(script.subList(0, 1));
    }

    @Test
    void everyInputKindRoundTrips() {
        for (Input input : script()) {
            assertThat(InputCodec.decode(InputCodec.encode(input))).isEqualTo(input);
        }
    }
}
