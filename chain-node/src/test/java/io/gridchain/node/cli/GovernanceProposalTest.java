package io.gridchain.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridchain.core.bytes.Hex;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.governance.Governance;
import io.gridchain.core.governance.GovernanceAction;
import io.gridchain.core.params.ChainParams;
import io.gridchain.core.validator.Validator;
import io.gridchain.core.validator.ValidatorSet;
import io.gridchain.node.bft.ValidatorNetwork;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The proposal file: what it shows, that it reads back exactly, and that every damage is named by its field. */
class GovernanceProposalTest {
    private static final long CHAIN = 77;
    private final SecureRandom random = new SecureRandom();
    private final List<SigningKey> keys = new ArrayList<>();
    private final ValidatorSet set;
    private final SigningKey newcomer = SigningKey.random(random);

    GovernanceProposalTest() {
        List<Validator> validators = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SigningKey k = SigningKey.random(random);
            keys.add(k);
            validators.add(new Validator(k.address(), k.compressedPublicKey(), 10));
        }
        set = ValidatorSet.of(validators);
    }

    private GovernanceProposal addNewcomer() {
        GovernanceAction add = GovernanceChanges.addValidator(Hex.encodePrefixed(newcomer.compressedPublicKey()), 10, set);
        return new GovernanceProposal(CHAIN, 3, 120, add, set, List.of());
    }

    private static GovernanceProposal approved(GovernanceProposal p, SigningKey key) {
        return ((GovernanceProposal.Approved.Added) p.approve(key)).proposal();
    }

    private static String malformed(String text) {
        GovernanceProposal.Parsed parsed = GovernanceProposal.parse(text);
        assertThat(parsed).isInstanceOf(GovernanceProposal.Parsed.Malformed.class);
        return ((GovernanceProposal.Parsed.Malformed) parsed).reason();
    }

    /** The first occurrence only: the action's validators come before the approvers' in the file. */
    private static String first(String text, String target, String replacement) {
        int i = text.indexOf(target);
        assertThat(i).as("'%s' in the file", target).isNotNegative();
        return text.substring(0, i) + replacement + text.substring(i + target.length());
    }

    @Test
    void aProposalWithApprovalsReadsBackAsTheSameTransactionTheChainChecks() {
        GovernanceProposal p = approved(approved(addNewcomer(), keys.get(0)), keys.get(2));
        String json = p.toJson();
        assertThat(json).contains("\"format\" : \"" + GovernanceProposal.FORMAT + "\"")
                .contains("add validator " + newcomer.address() + " with power 10")
                .contains("\"digest\" : \"" + Governance.approvalDigest(CHAIN, 3, p.action()).toHex() + "\"")
                .contains("\"quorumPower\" : 27");

        GovernanceProposal back = ((GovernanceProposal.Parsed.Valid) GovernanceProposal.parse(json)).proposal();
        assertThat(back.toTransactionPayload().encode()).isEqualTo(p.toTransactionPayload().encode());
        assertThat(back.approvers()).isEqualTo(set);
        assertThat(back.approvedPower(set)).isEqualTo(20);
        assertThat(ProposalFile.tally(back, set)).isEqualTo("2 approval(s) hold 20 of 40 voting power; 27 is needed (7 more)");
        assertThat(ProposalFile.tally(approved(back, keys.get(3)), set)).contains("30 of 40").contains("ready to submit");
    }

    @Test
    void aValidatorApprovesOnceAndOnlyValidatorsApprove() {
        GovernanceProposal once = approved(addNewcomer(), keys.get(1));
        assertThat(once.approve(keys.get(1))).isEqualTo(new GovernanceProposal.Approved.Refused(
                keys.get(1).address() + " has already approved this proposal"));
        assertThat(((GovernanceProposal.Approved.Refused) once.approve(newcomer)).reason())
                .contains("is not in the validator set this proposal was made against (governance nonce 3)");
    }

    @Test
    void damageIsNamedByLineOrField() {
        String good = approved(addNewcomer(), keys.get(0)).toJson();
        assertThat(malformed(good.substring(0, good.length() - 4))).startsWith("not JSON at line");
        assertThat(malformed(good.replace("\"chainId\" : 77,\n", ""))).isEqualTo("chainId: missing");
        assertThat(malformed(good.replace("\"governanceNonce\" : 3", "\"governanceNonce\" : -3")))
                .isEqualTo("governanceNonce: must not be negative, got -3");
        assertThat(malformed(first(good, "\"power\" : 10", "\"power\" : \"ten\"")))
                .startsWith("action.validators[0].power: expected a whole number");
        assertThat(malformed(good.replace("\"action\" : \"update-validators\"", "\"action\" : \"grant-everything\"")))
                .startsWith("action.action: expected \"update-validators\" or \"set-params\"");
        assertThat(malformed(good.replace("\"format\" :", "\"colour\" : \"red\",\n  \"format\" :")))
                .startsWith("colour: unknown field");
    }

    @Test
    void anEditedActionOrAForgedApprovalIsRefused() {
        GovernanceProposal p = approved(addNewcomer(), keys.get(0));
        String json = p.toJson();
        assertThat(malformed(first(json, "\"power\" : 10", "\"power\" : 1000")))
                .startsWith("digest: ").contains("the file was changed after it was proposed");
        assertThat(malformed(json.replace("\"chainId\" : 77", "\"chainId\" : 78")))
                .contains("is not the digest of this action, chain id and governance nonce");
        String signer = keys.get(0).address().toString();
        assertThat(malformed(json.replace("\"validator\" : \"" + signer, "\"validator\" : \"" + keys.get(1).address())))
                .startsWith("approvals[0].signature: not " + keys.get(1).address() + "'s signature over the digest");
    }

    @Test
    void aNewValidatorIsNamedByItsKeyOrPeerIdNeverByAnAddressAlone() {
        String peerId = ValidatorNetwork.peerIdOf(newcomer).toString();
        assertThat(GovernanceChanges.publicKey(peerId)).isEqualTo(newcomer.compressedPublicKey());
        assertThatThrownBy(() -> GovernanceChanges.publicKey(newcomer.address().toString()))
                .isInstanceOf(CliException.class).hasMessageContaining("is an address; give the new validator's public key");
        assertThatThrownBy(() -> GovernanceChanges.addValidator(Hex.encodePrefixed(keys.get(0).compressedPublicKey()), 5, set))
                .hasMessageContaining("is a validator already (power 10); use --set-power");
        assertThatThrownBy(() -> GovernanceChanges.removeValidator(newcomer.address(), set)).hasMessageEndingWith("is not a validator");
        assertThatThrownBy(() -> GovernanceChanges.setPower(keys.get(0).address(), 0, set)).hasMessageContaining("--remove-validator");
    }

    @Test
    void parametersChangeByNameAndStayValid() {
        GovernanceAction a = GovernanceChanges.setParams(List.of("minFee=2000", "targetBlockTimeMillis=500"), ChainParams.DEFAULTS);
        assertThat(((GovernanceAction.SetParams) a).params())
                .isEqualTo(new ChainParams(500, ChainParams.DEFAULTS.maxBlockBytes(), ChainParams.DEFAULTS.maxTransactionBytes(), 2000));
        assertThatThrownBy(() -> GovernanceChanges.setParams(List.of("blockTime=5"), ChainParams.DEFAULTS))
                .hasMessageContaining("NAME one of targetBlockTimeMillis, maxBlockBytes, maxTransactionBytes, minFee");
        assertThatThrownBy(() -> GovernanceChanges.setParams(List.of("maxTransactionBytes=99999999"), ChainParams.DEFAULTS))
                .hasMessageContaining("maxTransactionBytes exceeds maxBlockBytes");
        GovernanceProposal p = new GovernanceProposal(CHAIN, 0, 1, a, set, List.of());
        GovernanceProposal back = ((GovernanceProposal.Parsed.Valid) GovernanceProposal.parse(p.toJson())).proposal();
        assertThat(back.action()).isEqualTo(a);
    }
}
