package io.gridchain.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.tx.Transaction;
import io.gridchain.wallet.Grid;
import io.gridchain.wallet.Keystore;
import io.gridchain.wallet.Mnemonic;
import io.gridchain.wallet.NodeClient;
import io.gridchain.wallet.NodeViews;
import io.gridchain.wallet.PasswordSource;
import io.gridchain.wallet.TxBuilder;
import io.gridchain.wallet.WalletStore;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "wallet", mixinStandardHelpOptions = true, description = "Keys, balances and transfers.",
        subcommands = {WalletCommand.New.class, WalletCommand.Import.class, WalletCommand.ListKeys.class,
                WalletCommand.ShowAddress.class, WalletCommand.Balance.class, WalletCommand.Send.class})
final class WalletCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options every wallet command shares. */
    static final class Common {
        @Option(names = "--keystore-dir", description = "Where keystores live (default: ~/.gridchain/keystores).")
        Path keystoreDir;

        @Option(names = "--password-file", description = "Read the password from the first line of this file "
                + "(else $" + PasswordSource.ENV + ", else a prompt).")
        Path passwordFile;

        @Option(names = "--light-kdf", description = "Cheap scrypt parameters for new keystores (development only).")
        boolean lightKdf;

        @Option(names = "--node", defaultValue = "http://127.0.0.1:8080", description = "Node API (default: ${DEFAULT-VALUE}).")
        URI node;

        WalletStore store() {
            Path dir = keystoreDir != null ? keystoreDir : WalletStore.defaultDirectory();
            return new WalletStore(dir, lightKdf ? Keystore.Strength.LIGHT : Keystore.Strength.STANDARD,
                    Clock.systemUTC(), new SecureRandom());
        }

        PasswordSource passwords() {
            return PasswordSource.system(Optional.ofNullable(passwordFile));
        }

        NodeClient client() {
            return NodeClient.create(node);
        }
    }

    @Command(name = "new", mixinStandardHelpOptions = true, description = "Create a new key in an encrypted keystore.")
    static final class New implements Callable<Integer> {
        @Mixin
        Common common;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            WalletStore.Entry entry = common.store().create(common.passwords().forCreating("the new keystore"));
            spec.commandLine().getOut().println(entry.address() + "  " + entry.file());
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import a key from a BIP-39 mnemonic (BIP-44 m/44'/60'/0'/0/INDEX), a dev chain's account file, or a private key.")
    static final class Import implements Callable<Integer> {
        @Mixin
        Common common;

        @Option(names = "--mnemonic-file", description = "A file holding the mnemonic words.")
        Path mnemonicFile;

        @Option(names = "--dev-account", description = "The dev-account.json that `gridchain dev` writes.")
        Path devAccount;

        @Option(names = "--private-key-file", description = "A file holding a 32-byte hex private key.")
        Path privateKeyFile;

        @Option(names = "--index", defaultValue = "0", description = "Account index in the BIP-44 path (default: ${DEFAULT-VALUE}).")
        int index;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            int sources = (mnemonicFile != null ? 1 : 0) + (devAccount != null ? 1 : 0) + (privateKeyFile != null ? 1 : 0);
            if (sources != 1) {
                throw new CliException("give exactly one of --mnemonic-file, --dev-account, --private-key-file");
            }
            String password = common.passwords().forCreating("the imported keystore");
            WalletStore store = common.store();
            WalletStore.Entry entry;
            if (privateKeyFile != null) {
                entry = store.importPrivateKey(readSecret(privateKeyFile), password);
            } else {
                String words = mnemonicFile != null ? readSecret(mnemonicFile) : devMnemonic(devAccount);
                entry = store.importMnemonic(Mnemonic.require(words), index, password);
            }
            spec.commandLine().getOut().println(entry.address() + "  " + entry.file());
            return 0;
        }

        private static String devMnemonic(Path file) throws java.io.IOException {
            JsonNode json = new ObjectMapper().readTree(readSecret(file));
            if (json == null || !json.hasNonNull("mnemonic")) {
                throw new CliException(file + " has no \"mnemonic\"; it is not a dev-account.json");
            }
            return json.get("mnemonic").asText();
        }

        private static String readSecret(Path file) throws java.io.IOException {
            if (!Files.exists(file)) {
                throw new CliException("no such file: " + file);
            }
            return Files.readString(file).strip();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the keys in the keystore directory.")
    static final class ListKeys implements Callable<Integer> {
        @Mixin
        Common common;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            WalletStore store = common.store();
            java.util.List<WalletStore.Entry> entries = store.list();
            PrintWriter out = spec.commandLine().getOut();
            if (entries.isEmpty()) {
                out.println("no keys in " + store.directory());
            }
            for (WalletStore.Entry e : entries) {
                out.println(e.address() + "  " + e.file());
            }
            return 0;
        }
    }

    @Command(name = "address", mixinStandardHelpOptions = true, description = "Print the address a keystore file declares.")
    static final class ShowAddress implements Callable<Integer> {
        @Parameters(paramLabel = "KEYSTORE", description = "A keystore file.")
        Path file;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (!Files.exists(file)) {
                throw new CliException("no such keystore file: " + file);
            }
            Address address = Keystore.declaredAddress(Files.readString(file))
                    .orElseThrow(() -> new CliException(file + " declares no address; unlock it with `wallet send` to use it"));
            spec.commandLine().getOut().println(address);
            return 0;
        }
    }

    @Command(name = "balance", mixinStandardHelpOptions = true, description = "Show an account's balance and nonce.")
    static final class Balance implements Callable<Integer> {
        @Mixin
        Common common;

        @Parameters(paramLabel = "ADDRESS", description = "The account.")
        String address;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            NodeViews.AccountState account = common.client().account(parseAddress(spec, address));
            spec.commandLine().getOut().println(Grid.format(account.balance()) + "  (nonce " + account.nonce()
                    + ", height " + account.height() + ")");
            return 0;
        }
    }

    @Command(name = "send", mixinStandardHelpOptions = true, description = "Sign and send a transfer, then wait for it to be committed.")
    static final class Send implements Callable<Integer> {
        @Mixin
        Common common;

        @Option(names = "--from", required = true, description = "Sender: an address in the keystore directory, or a keystore file.")
        String from;

        @Option(names = "--to", required = true, description = "Recipient address.")
        String to;

        @Option(names = "--amount", required = true, description = "Amount in GRID, e.g. 2.5 (up to nine decimals).")
        String amount;

        @Option(names = "--fee", description = "Fee in GRID (default: the chain's minimum fee).")
        String fee;

        @Option(names = "--no-wait", description = "Return once the node accepts it, without waiting for the block.")
        boolean noWait;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Address recipient = parseAddress(spec, to);
            long units = Grid.parse(amount);
            SigningKey key = common.store().load(from, common.passwords().forUnlocking("the key of " + from));
            NodeClient client = common.client();
            TxBuilder builder = TxBuilder.forNode(client);
            long feeUnits = fee != null ? Grid.parse(fee) : TxBuilder.DEFAULT_FEE;
            Transaction tx = builder.transfer(key, recipient, units, feeUnits);
            client.submit(tx);
            PrintWriter out = spec.commandLine().getOut();
            out.println("sent " + Grid.format(units) + " from " + key.address() + " to " + recipient + ": " + tx.hash());
            if (!noWait) {
                NodeViews.TxInfo info = client.awaitCommitted(tx.hash(), Duration.ofSeconds(60))
                        .orElseThrow(() -> new CliException("not committed within 60 s; check later with GET /v1/txs/" + tx.hash()));
                out.println("committed in block " + info.height().orElse(-1));
            }
            return 0;
        }
    }

    /**
     * An address the user typed. Without a checksum (all lower or all upper case, as EIP-55 allows) it
     * is accepted, and its checksummed form is printed back on stderr so that the user can keep that one,
     * which catches the next typo.
     */
    static Address parseAddress(CommandSpec spec, String text) {
        Address.Parsed parsed = Address.parse(text);
        if (parsed instanceof Address.Parsed.Invalid invalid) {
            throw new CliException(invalid.reason());
        }
        Address address = ((Address.Parsed.Valid) parsed).address();
        if (!address.toString().equals(text)) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("note: " + text + " has no EIP-55 checksum; its checksummed form is " + address);
            err.flush();
        }
        return address;
    }
}
