package io.gridchain.node.cli;

import static io.gridchain.node.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.governance.GovernanceAction;
import io.gridchain.core.params.ChainParams;
import io.gridchain.core.validator.Validator;
import io.gridchain.core.validator.ValidatorSet;
import io.gridchain.node.testing.RunningNode;
import io.gridchain.node.testing.TestChain;
import io.gridchain.wallet.Keystore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code governance propose|approve|show|submit} against a running one-validator node, as an operator
 * types them with keystores and --password-file: a parameter change from proposal to its effective
 * height, and each refusal as one line that says what to do.
 */
class GovernanceCommandTest {
    @TempDir
    Path dir;

    private String keystore(SigningKey key, String name) throws Exception {
        Path file = dir.resolve(name + ".json");
        Keystore.write(file, key, "pw", Keystore.Strength.LIGHT);
        return file.toString();
    }

    private static String lineStarting(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(prefix + " in " + out));
    }

    @Test
    void aParameterChangeFromProposalToItsHeightAndEveryRefusalInOneLine() throws Exception {
        TestChain chain = new TestChain(1);
        try (RunningNode n = new RunningNode(chain, dir.resolve("node"), Duration.ofMillis(50))) {
            Files.writeString(dir.resolve("pw"), "pw\n");
            String password = dir.resolve("pw").toString();
            String validator = keystore(chain.validator, "validator");
            String payer = keystore(chain.accounts.get(0), "payer");
            String proposal = dir.resolve("proposal.json").toString();

            CliRun proposed = run("governance", "propose", "--node", n.base(), "--set-param", "minFee=2000", "--out", proposal);
            assertThat(proposed.exit()).as(proposed.err()).isZero();
            assertThat(proposed.out()).contains("governance nonce 0").contains("\"minFee\":\"2000\"").contains("digest each approver signs: 0x");
            assertThat(run("governance", "propose", "--node", n.base(), "--set-param", "minFee=3000", "--out", proposal).err())
                    .contains("exists; choose another --out");

            CliRun early = run("governance", "submit", proposal, "--key", payer, "--password-file", password, "--node", n.base(), "--yes");
            assertThat(early.exit()).isEqualTo(1);
            assertThat(early.err().strip()).isEqualTo("error: not enough approvals yet: 0 approval(s) hold 0 of 10 voting power; "
                    + "7 is needed (7 more); ask more validators to run `gridchain governance approve`");

            CliRun notValidator = run("governance", "approve", proposal, "--key", payer, "--password-file", password, "--node", n.base(), "--yes");
            assertThat(notValidator.err().strip()).startsWith("error: " + chain.accounts.get(0).address() + " is not a validator of chain "
                    + TestChain.CHAIN_ID + " at height ");
            assertThat(notValidator.err()).contains("only validators approve");

            CliRun approved = run("governance", "approve", proposal, "--key", validator, "--password-file", password, "--node", n.base(), "--yes");
            assertThat(approved.exit()).as(approved.err()).isZero();
            assertThat(approved.out()).contains("1 approval(s) hold 10 of 10 voting power; enough");
            assertThat(run("governance", "approve", proposal, "--key", validator, "--password-file", password, "--node", n.base(), "--yes").err())
                    .contains("has already approved this proposal");
            assertThat(run("governance", "show", proposal, "--node", n.base()).out()).contains("approved by " + chain.validator.address());

            CliRun submitted = run("governance", "submit", proposal, "--key", payer, "--password-file", password, "--node", n.base(),
                    "--yes", "--wait");
            assertThat(submitted.exit()).as(submitted.err()).isZero();
            assertThat(submitted.out()).contains("submitted governance transaction 0x");
            String committed = lineStarting(submitted.out(), "committed in block ");
            long block = Long.parseLong(committed.split(" ")[3].replace(";", ""));
            assertThat(committed).endsWith("takes effect at height " + (block + 2));
            awaitHeight(n, block + 2);
            assertThat(RunningNode.JSON.readTree(n.get("/v1/governance").body()).path("params").path("minFee").asText()).isEqualTo("2000");

            CliRun stale = run("governance", "submit", proposal, "--key", payer, "--password-file", password, "--node", n.base(), "--yes");
            assertThat(stale.err()).startsWith("error: stale proposal: it was made for governance nonce 0").contains("the chain is at nonce 1");
        }
    }

    @Test
    void aProposalForAnotherChainOrAMalformedFileIsRefusedBeforeAnyKeyIsUnlocked() throws Exception {
        TestChain chain = new TestChain(1);
        try (RunningNode n = new RunningNode(chain, dir.resolve("node"), Duration.ofMillis(50))) {
            ValidatorSet set = ValidatorSet.of(List.of(new Validator(chain.validator.address(), chain.validator.compressedPublicKey(), 10)));
            Path other = dir.resolve("other.json");
            ProposalFile.write(other, new GovernanceProposal(TestChain.CHAIN_ID + 1, 0, 5,
                    new GovernanceAction.SetParams(ChainParams.DEFAULTS), set, List.of()));
            CliRun wrongChain = run("governance", "approve", other.toString(), "--key", "nowhere.json", "--node", n.base(), "--yes");
            assertThat(wrongChain.err().strip()).isEqualTo("error: the proposal is for chain " + (TestChain.CHAIN_ID + 1)
                    + " but the node at " + n.base() + " runs chain " + TestChain.CHAIN_ID);

            Path broken = dir.resolve("broken.json");
            Files.writeString(broken, "{\n  \"format\": \"gridchain-governance-proposal/1\",\n  \"chainId\": 1337,\n  oops\n}\n");
            CliRun malformed = run("governance", "show", broken.toString());
            assertThat(malformed.err().strip()).startsWith("error: " + broken + " is not a valid proposal: not JSON at line 4");

            CliRun noChange = run("governance", "propose", "--node", n.base(), "--out", dir.resolve("x.json").toString());
            assertThat(noChange.err()).contains("give exactly one change");
            CliRun byAddress = run("governance", "propose", "--node", n.base(), "--add-validator", chain.accounts.get(0).address().toString(),
                    "--power", "5", "--out", dir.resolve("y.json").toString());
            assertThat(byAddress.err()).contains("is an address; give the new validator's public key");
        }
    }

    private static void awaitHeight(RunningNode n, long height) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (n.node.ledger().head().height() < height) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("height " + height + " not reached");
            }
            Thread.sleep(20);
        }
    }
}
