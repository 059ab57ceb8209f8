package io.gridchain.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.identity.PersonalSign;
import io.gridchain.identity.auth.SiweChallengeCheck;
import io.gridchain.wallet.NodeClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridchain login --audience URI}: asks the node for a Sign-In with Ethereum challenge, checks it is
 * one to sign (see {@link SiweChallengeCheck}: for the node called, its chain, this key, this audience, expiring
 * soon), signs it with the keystore key (EIP-191 personal_sign), exchanges it for an access token and prints the token
 * alone on standard output, so {@code TOKEN=$(gridchain login …)} works.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = "Sign in with a keystore key and print an access token for a service (--audience).")
final class LoginCommand implements Callable<Integer> {
    @Mixin
    WalletCommand.Common common;

    @Option(names = {"--keystore", "--from"}, required = true,
            description = "The key: a keystore file, or an address in --keystore-dir.")
    String keystore;

    @Option(names = "--audience", required = true, description = "The service the token is for (an absolute URI).")
    String audience;

    @Option(names = "--identity", description = "The identity to sign in as (needed for an authentication key, "
            + "or an owner of several identities).")
    String identity;

    @Option(names = "--scope", paramLabel = "SCOPE", description = "A scope to ask for, e.g. memberof:acme (repeatable); "
            + "the node grants those that hold now, and always identity.")
    List<String> scopes = new ArrayList<>();

    @Option(names = "--verbose", description = "Also print the signed message and the token response on standard error.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SigningKey key = common.store().load(keystore, common.passwords().forUnlocking("the key of " + keystore));
        NodeClient client = common.client();
        JsonNode challenge = client.challenge(key.address(), audience);
        String message = challenge.get("message").asText();
        SiweChallengeCheck.problem(message, client.base(), key.address(), client.status().chainId(), audience,
                java.time.Instant.now()).ifPresent(problem -> {
                    throw new CliException("not signing: " + problem);
                });
        String signature = key.sign(PersonalSign.digest(message)).toString();
        JsonNode token = client.siweToken(message, signature, Optional.ofNullable(identity), scopes);
        if (verbose) {
            spec.commandLine().getErr().println(message);
            spec.commandLine().getErr().println("scope: " + token.path("scope").asText() + ", expires in "
                    + token.path("expires_in").asLong() + " s");
        }
        spec.commandLine().getOut().println(token.get("access_token").asText());
        return 0;
    }
}
