package io.gridchain.genesis;

import io.gridchain.core.bytes.Hex;
import io.gridchain.core.crypto.SigningKey;

/** Fixed keys and a valid document, built by hand so the JSON in tests is what a user would write. */
final class GenesisFixtures {
    static final SigningKey V0 = key(1);
    static final SigningKey V1 = key(2);
    static final SigningKey ALICE = key(3);

    private GenesisFixtures() {}

    static SigningKey key(int seed) {
        byte[] d = new byte[32];
        d[31] = (byte) seed;
        d[0] = 0x11;
        return SigningKey.fromPrivateKey(d);
    }

    static String validJson() {
        return """
                {
                  "chainId": 1337,
                  "genesisTime": "2026-11-22T00:00:00Z",
                  "validators": [
                    {"address": "%s", "publicKey": "%s", "power": 10},
                    {"address": "%s", "publicKey": "%s", "power": 20}
                  ],
                  "balances": [{"address": "%s", "amount": "1000000000000"}],
                  "params": {"targetBlockTimeMillis": 1000, "maxBlockBytes": 4194304,
                             "maxTransactionBytes": 65536, "minFee": 1000}
                }
                """.formatted(V0.address(), Hex.encodePrefixed(V0.compressedPublicKey()),
                V1.address(), Hex.encodePrefixed(V1.compressedPublicKey()), ALICE.address());
    }
}
