package io.gridchain.node.chain;

import io.gridchain.genesis.GenesisDocument;
import io.gridchain.genesis.GenesisState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads and validates a genesis file into what the ledger starts from; every failure says what is wrong. */
public final class GenesisLoader {
    private GenesisLoader() {}

    public static GenesisData fromDocument(GenesisDocument document) {
        GenesisState state = GenesisState.build(document);
        return new GenesisData(document.chainId(), state.block(), state.commit(),
                document.toJson().getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException with one line naming the file and the problems */
    public static GenesisData load(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("genesis file " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read genesis file " + file + ": " + e.getMessage());
        }
        GenesisDocument.Parsed parsed = GenesisDocument.parse(json);
        if (parsed instanceof GenesisDocument.Parsed.Invalid invalid) {
            throw new IllegalArgumentException("genesis file " + file + " is invalid: " + invalid.describe());
        }
        return fromDocument(((GenesisDocument.Parsed.Valid) parsed).document());
    }
}
