package io.gridchain.node.api.oauth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} body (the WHATWG URL standard's parser), with the
 * OAuth rule that no parameter may be given twice (RFC 6749 §3.1, §3.2). Javalin's form map decoded
 * every value and grouped them into lists, a sixth of an introspection's time; tokens need no
 * decoding, so only values with {@code %} or {@code +} are decoded here.
 */
final class FormBody {
    private FormBody() {}

    sealed interface Parsed {
        record Form(Map<String, String> params) implements Parsed {}

        record Refused(String reason) implements Parsed {}
    }

    static Parsed parse(String body) {
        Map<String, String> params = new HashMap<>();
        int at = 0;
        while (at <= body.length()) {
            int end = body.indexOf('&', at);
            if (end < 0) {
                end = body.length();
            }
            if (end > at) {
                int eq = body.indexOf('=', at);
                String name;
                String value;
                try {
                    name = decode(body.substring(at, eq < 0 || eq > end ? end : eq));
                    value = eq < 0 || eq > end ? "" : decode(body.substring(eq + 1, end));
                } catch (IllegalArgumentException e) {
                    return new Parsed.Refused("the form is not valid percent-encoding: " + e.getMessage());
                }
                if (params.putIfAbsent(name, value) != null) {
                    return new Parsed.Refused("parameter " + name + " is given more than once");
                }
            }
            at = end + 1;
        }
        return new Parsed.Form(params);
    }

    private static String decode(String s) {
        return s.indexOf('%') < 0 && s.indexOf('+') < 0 ? s : URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
