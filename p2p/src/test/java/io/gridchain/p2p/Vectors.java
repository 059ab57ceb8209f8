package io.gridchain.p2p;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;

/** The js-libp2p kit's deterministic vectors (src/test/resources/vectors), read as expected data. */
public final class Vectors {
  private Vectors() {}

  public static JsonNode load(String keyType) {
    try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + keyType + ".json")) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] hex(JsonNode node, String path) {
    return HexFormat.of().parseHex(text(node, path));
  }

  public static String text(JsonNode node, String path) {
    JsonNode n = node;
    for (String p : path.split("\\.")) {
      n = n.get(p);
    }
    return n.asText();
  }
}
