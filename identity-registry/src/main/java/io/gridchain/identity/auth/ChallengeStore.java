package io.gridchain.identity.auth;

import java.util.Optional;

/** Outstanding sign-in nonces. A nonce is used at most once: {@link #consume} removes it atomically. */
public interface ChallengeStore {
    /** Stores a new challenge; false if the store is full (after dropping expired ones). */
    boolean save(Challenge challenge);

    /** Removes and returns the challenge of {@code nonce} if it exists and has not expired. */
    Optional<Challenge> consume(String nonce);
}
