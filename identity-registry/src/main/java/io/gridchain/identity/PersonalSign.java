package io.gridchain.identity;

import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import java.nio.charset.StandardCharsets;

/** EIP-191 version 0x45 (personal_sign): keccak256("\x19Ethereum Signed Message:\n" + len + message). */
public final class PersonalSign {
    private PersonalSign() {}

    public static Hash32 digest(byte[] message) {
        byte[] prefix = ("\u0019Ethereum Signed Message:\n" + message.length).getBytes(StandardCharsets.UTF_8);
        return Keccak.hash(prefix, message);
    }

    public static Hash32 digest(String message) {
        return digest(message.getBytes(StandardCharsets.UTF_8));
    }
}
