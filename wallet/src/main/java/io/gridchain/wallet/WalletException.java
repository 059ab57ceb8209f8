package io.gridchain.wallet;

/**
 * A refusal meant for the person at the command line: the message says what is wrong and what to do,
 * and there is no stack trace worth showing (none is recorded). Never carries a secret.
 */
public class WalletException extends RuntimeException {
    public WalletException(String message) {
        super(message, null, false, false);
    }
}
