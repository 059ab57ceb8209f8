package io.gridchain.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `node init` writes a key for every option of `node run`; `node run --config` reads them, under the command line's. */
class NodeConfigFileTest {
    @TempDir
    Path dir;

    private static CommandLine.Model.CommandSpec runSpec() {
        return GridchainCli.commandLine().getSubcommands().get("node").getSubcommands().get("run").getCommandSpec();
    }

    @Test
    void initWritesACommentedKeyForEveryOptionOfNodeRun() throws Exception {
        CliRun r = CliRun.run("node", "init", "--dir", dir.resolve("v0").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote " + dir.resolve("v0/node.yaml"));
        String yaml = Files.readString(dir.resolve("v0/node.yaml"));
        for (CommandLine.Model.OptionSpec o : runSpec().options()) {
            String name = o.longestName();
            if (o.hidden() || List.of("--config", "--help", "--version", "--log-level").contains(name)) {
                continue;
            }
            assertThat(yaml).as("a key for " + name).containsPattern("(?m)^(# )?" + name.substring(2) + ":");
        }
        assertThat(yaml).contains("data-dir: " + dir.resolve("v0/data")).contains("api-port: 8080")
                .contains("# HTTP API port (default: 8080).").doesNotContainIgnoringCase("password:");
        JsonNode parsed = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        assertThat(parsed.path("p2p-port").asInt()).isEqualTo(26656);

        CliRun again = CliRun.run("node", "init", "--dir", dir.resolve("v0").toString());
        assertThat(again.err().strip()).isEqualTo("error: " + dir.resolve("v0/node.yaml") + " exists; refusing to overwrite it");
    }

    @Test
    void theFileSetsWhatTheCommandLineDoesNotAndRelativePathsAreTheFilesOwn() throws Exception {
        Path file = Files.writeString(dir.resolve("node.yaml"), String.join("\n",
                "data-dir: data", "genesis: /etc/gridchain/genesis.json", "key: keys/validator-0.json",
                "api-port: 28080", "p2p-port: 28081", "block-time: 2s",
                "bootstrap:", "  - /ip4/10.0.0.2/tcp/28081/p2p/16Uiu2HAmA", "  - /ip4/10.0.0.3/tcp/28081/p2p/16Uiu2HAmB", ""));
        NodeCommand.Run run = new NodeCommand.Run();
        CommandLine cli = new CommandLine(run);
        cli.registerConverter(Duration.class, Durations::parse);
        CommandLine.ParseResult parsed = cli.parseArgs("--config", file.toString(), "--api-port", "9999");
        NodeConfigFile.apply(file, cli.getCommandSpec(), parsed);
        assertThat(run.apiPort).as("the command line wins").isEqualTo(9999);
        assertThat(run.p2pPort).isEqualTo(28081);
        assertThat(run.blockTime).isEqualTo(Duration.ofSeconds(2));
        assertThat(run.dataDir).isEqualTo(dir.resolve("data"));
        assertThat(run.key).isEqualTo(dir.resolve("keys/validator-0.json"));
        assertThat(run.genesis).isEqualTo(Path.of("/etc/gridchain/genesis.json"));
        assertThat(run.bootstrap).containsExactly("/ip4/10.0.0.2/tcp/28081/p2p/16Uiu2HAmA", "/ip4/10.0.0.3/tcp/28081/p2p/16Uiu2HAmB");
        assertThat(run.apiHost).as("a default stays when neither sets it").isEqualTo("127.0.0.1");
    }

    @Test
    void aWrongFileIsOneLine() throws Exception {
        Path typo = Files.writeString(dir.resolve("typo.yaml"), "api-prot: 28080\n");
        assertThat(CliRun.run("node", "run", "--config", typo.toString()).err().lines().toList()).containsExactly(
                "error: " + typo + ": unknown key 'api-prot'; did you mean 'api-port'? (the keys are the options of `node run`)");
        Path secret = Files.writeString(dir.resolve("secret.yaml"), "password: hunter2\n");
        assertThat(CliRun.run("node", "run", "--config", secret.toString()).err()).startsWith("error: " + secret
                + ": password: secrets do not go in the config file");
        Path wrongType = Files.writeString(dir.resolve("type.yaml"), "api-port: lots\n");
        assertThat(CliRun.run("node", "run", "--config", wrongType.toString()).err().strip())
                .isEqualTo("error: " + wrongType + ": api-port: expected a whole number, got \"lots\"");
        Path partial = Files.writeString(dir.resolve("partial.yaml"), "api-port: 28080\n");
        assertThat(CliRun.run("node", "run", "--config", partial.toString()).err().strip())
                .isEqualTo("error: missing --data-dir, --genesis, --key (give them here or as data-dir:, genesis:, key: in --config)");
        assertThat(CliRun.run("node", "run", "--config", dir.resolve("none.yaml").toString()).err().strip())
                .isEqualTo("error: no such config file: " + dir.resolve("none.yaml"));
    }
}
