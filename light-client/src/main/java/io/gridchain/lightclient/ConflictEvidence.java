package io.gridchain.lightclient;

/**
 * Two different headers at one height, each verified from the same trusted block: one from the primary,
 * one from a witness. At least one third of some trusted set's power signed a block that is not the
 * chain's, or the validators forked; either way it is for people to act on (these signatures are the
 * proof), and the client trusts neither header.
 */
public record ConflictEvidence(long trustedHeight, String primaryName, LightBlock primary, String witnessName,
                               LightBlock witness) {
    public long height() {
        return primary.height();
    }

    public String describe() {
        return "at height " + height() + " " + primaryName + " serves block " + primary.header().hash() + " and "
                + witnessName + " serves block " + witness.header().hash() + ", both signed well enough to verify from "
                + "trusted height " + trustedHeight;
    }
}
