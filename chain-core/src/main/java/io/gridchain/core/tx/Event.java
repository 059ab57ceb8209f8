package io.gridchain.core.tx;

import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Something a transaction did, recorded in its receipt: a type and ordered string attributes. */
public record Event(String type, Map<String, String> attributes) {
    public Event {
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    public static Event of(String type, String... keyValues) {
        Map<String, String> attrs = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            attrs.put(keyValues[i], keyValues[i + 1]);
        }
        return new Event(type, attrs);
    }

    public byte[] encode() {
        List<byte[]> kv = new ArrayList<>();
        attributes.forEach((k, v) -> kv.add(Rlp.list(Rlp.string(k), Rlp.string(v))));
        return Rlp.list(Rlp.string(type), Rlp.list(kv));
    }

    public static Event decode(RlpReader item) {
        RlpReader r = item.list();
        String type = r.string();
        RlpReader kvs = r.list();
        Map<String, String> attrs = new LinkedHashMap<>();
        while (kvs.hasNext()) {
            RlpReader kv = kvs.list();
            attrs.put(kv.string(), kv.string());
        }
        return new Event(type, attrs);
    }
}
