package io.gridchain.identity.auth;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sign-in nonces that carry their own proof: a nonce is {@code version | expiry | random | tag}, hex, where
 * the tag is HMAC-SHA256 (truncated to 128 bits) under a key only this node holds, over the expiry, the
 * random part and everything the SIWE message must say: address, domain, URI, chain id, statement,
 * issued-at and the audience (its one resource). So issuing a challenge stores nothing and costs one HMAC,
 * whatever anyone else asks for; checking one needs no lookup. Single use is the caller's part: it
 * remembers spent nonces until they expire.
 */
public final class ChallengeNonces {
    private static final byte VERSION = 1;
    private static final int RANDOM_BYTES = 12;
    private static final int TAG_BYTES = 16;
    private static final int NONCE_BYTES = 1 + Long.BYTES + RANDOM_BYTES + TAG_BYTES;
    private static final String HMAC = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    private final SecretKeySpec key;
    private final SecureRandom random;
    /** A {@link Mac} is not thread-safe, and making one per nonce costs more than the HMAC. */
    private final ThreadLocal<Mac> macs;

    public ChallengeNonces(byte[] macKey, SecureRandom random) {
        if (macKey.length < 32) {
            throw new IllegalArgumentException("the nonce key must have at least 256 bits");
        }
        this.key = new SecretKeySpec(macKey.clone(), HMAC);
        this.random = random;
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** Nonces under a key derived from the token-signing key: no second secret to keep. */
    public static ChallengeNonces derivedFrom(TokenKeys keys, SecureRandom random) {
        return new ChallengeNonces(keys.derivedSecret("gridchain siwe nonce v1"), random);
    }

    /** The nonce of a message with exactly these fields (its {@code nonce} is ignored). */
    public String issue(SiweMessage m, Instant expiresAt) {
        byte[] rand = new byte[RANDOM_BYTES];
        random.nextBytes(rand);
        ByteBuffer nonce = ByteBuffer.allocate(NONCE_BYTES).put(VERSION).putLong(expiresAt.getEpochSecond()).put(rand);
        nonce.put(tag(nonce.array(), m, expiresAt));
        return HEX.formatHex(nonce.array());
    }

    public sealed interface Checked {
        record Valid(Instant expiresAt) implements Checked {}

        record Invalid(String reason) implements Checked {}
    }

    /** Whether {@code m.nonce()} was issued by this node for this message, and is not expired at {@code now}. */
    public Checked check(SiweMessage m, Instant now) {
        Optional<byte[]> raw = decode(m.nonce());
        if (raw.isEmpty() || raw.get()[0] != VERSION) {
            return new Checked.Invalid("the nonce was not issued by this node; ask for a new challenge");
        }
        long expirySeconds = ByteBuffer.wrap(raw.get(), 1, Long.BYTES).getLong();
        if (expirySeconds < Instant.MIN.getEpochSecond() || expirySeconds > Instant.MAX.getEpochSecond()) {
            // no nonce of ours says this: an Instant cannot hold it, so refuse before making one
            return new Checked.Invalid("the nonce was not issued by this node; ask for a new challenge");
        }
        Instant expiresAt = Instant.ofEpochSecond(expirySeconds);
        byte[] tag = tag(raw.get(), m, expiresAt);
        byte[] given = java.util.Arrays.copyOfRange(raw.get(), NONCE_BYTES - TAG_BYTES, NONCE_BYTES);
        if (!m.expirationTime().equals(Optional.of(expiresAt)) || !MessageDigest.isEqual(tag, given)) {
            return new Checked.Invalid("the nonce was issued for another address, domain, chain, audience, statement "
                    + "or issue time, or not by this node");
        }
        if (!now.isBefore(expiresAt)) {
            return new Checked.Invalid("the nonce expired at " + expiresAt + "; ask for a new challenge");
        }
        return new Checked.Valid(expiresAt);
    }

    private static Optional<byte[]> decode(String nonce) {
        if (nonce.length() != 2 * NONCE_BYTES) {
            return Optional.empty();
        }
        try {
            return Optional.of(HEX.parseHex(nonce));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The tag over the nonce's first bytes (version, expiry, random) and the message's bound fields. */
    private byte[] tag(byte[] nonce, SiweMessage m, Instant expiresAt) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(nonce, 0, NONCE_BYTES - TAG_BYTES);
            out.writeLong(expiresAt.getEpochSecond());
            out.writeLong(m.issuedAt().getEpochSecond());
            out.writeInt(m.issuedAt().getNano());
            out.writeLong(m.chainId());
            for (String field : new String[] {m.address().toLowerCase(java.util.Locale.ROOT), m.domain(), m.uri(),
                    m.statement().orElse(""), String.join("\n", m.resources())}) {
                byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
                out.writeInt(utf8.length);
                out.write(utf8);
            }
            out.writeBoolean(m.scheme().isPresent() || m.notBefore().isPresent() || m.requestId().isPresent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] full = macs.get().doFinal(bytes.toByteArray());
        return java.util.Arrays.copyOf(full, TAG_BYTES);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
