package io.gridchain.consensus.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.gridchain.consensus.Input;
import io.gridchain.consensus.TimeoutKind;
import io.gridchain.consensus.evidence.DuplicateVoteEvidence;
import io.gridchain.consensus.message.Proposal;
import io.gridchain.consensus.message.SignedProposal;
import io.gridchain.consensus.message.SignedVote;
import io.gridchain.consensus.message.Vote;
import io.gridchain.consensus.wal.InputCodec;
import io.gridchain.consensus.wal.WalFormat;
import io.gridchain.consensus.wal.WalRead;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.rlp.RlpException;
import io.gridchain.core.validator.Validator;
import io.gridchain.core.validator.ValidatorSet;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The consensus module's decoders of what peers send (signed votes and proposals, and duplicate-vote
 * evidence, which arrives as a transaction payload) and of what the write-ahead log holds. The first
 * input byte picks the decoder, the rest is its input. Each decodes to a value that encodes back to
 * exactly the input or throws {@link RlpException} (the WAL's input codec may also refuse a field
 * with {@link IllegalArgumentException}, which {@link WalFormat#read} reports as a corrupt entry);
 * reading a whole log never throws.
 */
@Tag("fuzz")
class ConsensusMessageCodecFuzzTest {
    private static final int VOTE = 0, PROPOSAL = 1, EVIDENCE = 2, WAL_INPUT = 3, WAL_LOG = 4;

    static Stream<byte[]> seeds() {
        SigningKey key = SigningKey.fromPrivateKey(Keccak.hash(new byte[] {3}).bytes());
        Hash32 v = Keccak.hash(new byte[] {4});
        SignedVote a = Vote.prevote("c", 9, 2, v).signWith(key);
        SignedVote b = Vote.prevote("c", 9, 2, null).signWith(key);
        SignedProposal p = new Proposal("c", 9, 2, v, 1).signWith(key);
        ValidatorSet set = ValidatorSet.of(List.of(new Validator(key.address(), key.compressedPublicKey(), 1)));
        List<Input> inputs = List.of(new Input.StartHeight(9, set), new Input.ProposalReceived(p), new Input.VoteReceived(a),
                new Input.TimeoutExpired(TimeoutKind.values()[0], 9, 2), new Input.ValueValidity(9, v, true),
                new Input.ValueToPropose(9, 2, v));
        byte[] log = inputs.stream().map(WalFormat::entry).reduce(new byte[0], ConsensusMessageCodecFuzzTest::concat);
        Stream<byte[]> walInputs = inputs.stream().map(i -> tagged(WAL_INPUT, InputCodec.encode(i)));
        return Stream.concat(Stream.of(tagged(VOTE, a.encode()), tagged(VOTE, b.encode()), tagged(PROPOSAL, p.encode()),
                tagged(EVIDENCE, DuplicateVoteEvidence.of(a, b).encode()), tagged(WAL_LOG, log)), walInputs);
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "12s") // the long suite's budget; the default suite only replays
    void decodesToAValueThatReEncodesToTheInputOrRefuses(byte[] input) {
        if (input.length == 0) {
            return;
        }
        byte[] body = Arrays.copyOfRange(input, 1, input.length);
        switch (input[0] & 0x07) {
            case VOTE -> roundTrip(body, SignedVote::decode, SignedVote::encode);
            case PROPOSAL -> roundTrip(body, SignedProposal::decode, SignedProposal::encode);
            case EVIDENCE -> roundTrip(body, DuplicateVoteEvidence::decode, DuplicateVoteEvidence::encode);
            case WAL_INPUT -> {
                try {
                    roundTrip(body, InputCodec::decode, InputCodec::encode);
                } catch (IllegalArgumentException refused) {
                    assertThat(refused.getMessage()).isNotBlank();
                }
            }
            default -> {
                WalRead read = WalFormat.read(body);
                assertThat(read.end()).isNotNull();
                if (read.end() instanceof WalRead.Clean) {
                    byte[] again = read.inputs().stream().map(WalFormat::entry).reduce(new byte[0], ConsensusMessageCodecFuzzTest::concat);
                    assertThat(again).isEqualTo(body);
                }
            }
        }
    }

    private static <T> void roundTrip(byte[] body, Function<byte[], T> decode, Function<T, byte[]> encode) {
        T value;
        try {
            value = decode.apply(body);
        } catch (RlpException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(encode.apply(value)).isEqualTo(body);
    }

    private static byte[] tagged(int tag, byte[] body) {
        return concat(new byte[] {(byte) tag}, body);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
