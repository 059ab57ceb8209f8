package io.gridchain.identity.auth;

import io.gridchain.core.crypto.Address;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Sign-In with Ethereum message (EIP-4361), rendered and parsed in exactly the EIP's layout. The
 * parser is strict: every line in its place, LF line ends, no trailing newline, an EIP-55 checksummed
 * address, version 1, a decimal chain id, an alphanumeric nonce of at least 8 characters, RFC 3339
 * times, absolute URIs. Anything else is {@link Parsed.Invalid} with the reason.
 */
public record SiweMessage(Optional<String> scheme, String domain, String address, Optional<String> statement,
                          String uri, String version, long chainId, String nonce, Instant issuedAt,
                          Optional<Instant> expirationTime, Optional<Instant> notBefore, Optional<String> requestId,
                          List<String> resources) {
    private static final String PREAMBLE = " wants you to sign in with your Ethereum account:";
    private static final Pattern SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*");
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9.-]+(:[0-9]{1,5})?");
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9]{8,}");
    private static final Pattern CHAIN_ID = Pattern.compile("[1-9][0-9]{0,17}");
    private static final Pattern STATEMENT = Pattern.compile("[\\x20-\\x7E]+");
    private static final Pattern REQUEST_ID = Pattern.compile("[\\x21-\\x7E]*");

    public SiweMessage {
        resources = List.copyOf(resources);
    }

    public sealed interface Parsed {
        record Valid(SiweMessage message) implements Parsed {}

        record Invalid(String reason) implements Parsed {}
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        scheme.ifPresent(s -> out.append(s).append("://"));
        out.append(domain).append(PREAMBLE).append('\n').append(address).append("\n\n");
        statement.ifPresent(s -> out.append(s).append('\n'));
        out.append('\n');
        out.append("URI: ").append(uri).append('\n');
        out.append("Version: ").append(version).append('\n');
        out.append("Chain ID: ").append(chainId).append('\n');
        out.append("Nonce: ").append(nonce).append('\n');
        out.append("Issued At: ").append(time(issuedAt));
        expirationTime.ifPresent(t -> out.append("\nExpiration Time: ").append(time(t)));
        notBefore.ifPresent(t -> out.append("\nNot Before: ").append(time(t)));
        requestId.ifPresent(r -> out.append("\nRequest ID: ").append(r));
        if (!resources.isEmpty()) {
            out.append("\nResources:");
            resources.forEach(r -> out.append("\n- ").append(r));
        }
        return out.toString();
    }

    private static String time(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t);
    }

    public static Parsed parse(String text) {
        try {
            return new Parsed.Valid(new Reader(text).message());
        } catch (Malformed e) {
            return new Parsed.Invalid(e.getMessage());
        }
    }

    private static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** Reads the lines in order; each method consumes what it names or throws {@link Malformed}. */
    private static final class Reader {
        private final String[] lines;
        private int next;

        Reader(String text) {
            if (text == null || text.isEmpty()) {
                throw new Malformed("the message is empty");
            }
            if (text.indexOf('\r') >= 0) {
                throw new Malformed("lines must end with LF only, the message contains CR");
            }
            if (text.endsWith("\n")) {
                throw new Malformed("the message must not end with a newline");
            }
            this.lines = text.split("\n", -1);
        }

        SiweMessage message() {
            String header = line("the header");
            if (!header.endsWith(PREAMBLE)) {
                throw new Malformed("line 1 must end with '" + PREAMBLE.trim() + "'");
            }
            String authority = header.substring(0, header.length() - PREAMBLE.length());
            Optional<String> scheme = Optional.empty();
            int sep = authority.indexOf("://");
            if (sep >= 0) {
                scheme = Optional.of(matching(SCHEME, authority.substring(0, sep), "scheme"));
                authority = authority.substring(sep + 3);
            }
            String domain = matching(DOMAIN, authority, "domain");
            String address = address(line("the address"));
            empty("after the address");
            Optional<String> statement = Optional.empty();
            if (!peek().isEmpty()) {
                statement = Optional.of(matching(STATEMENT, line("the statement"), "statement"));
            }
            empty("before the URI");
            String uri = uri(field("URI"), "URI");
            String version = field("Version");
            if (!version.equals("1")) {
                throw new Malformed("Version must be 1, got '" + version + "'");
            }
            long chainId = Long.parseLong(matching(CHAIN_ID, field("Chain ID"), "Chain ID"));
            String nonce = matching(NONCE, field("Nonce"), "Nonce (at least 8 letters or digits)");
            Instant issuedAt = instant(field("Issued At"), "Issued At");
            Optional<Instant> expiration = optionalField("Expiration Time").map(v -> instant(v, "Expiration Time"));
            Optional<Instant> notBefore = optionalField("Not Before").map(v -> instant(v, "Not Before"));
            Optional<String> requestId = optionalField("Request ID").map(v -> matching(REQUEST_ID, v, "Request ID"));
            List<String> resources = resources();
            if (next != lines.length) {
                throw new Malformed("unexpected line " + (next + 1) + ": '" + shorten(lines[next]) + "'");
            }
            return new SiweMessage(scheme, domain, address, statement, uri, version, chainId, nonce, issuedAt,
                    expiration, notBefore, requestId, resources);
        }

        private List<String> resources() {
            List<String> out = new ArrayList<>();
            if (next < lines.length && lines[next].equals("Resources:")) {
                next++;
                while (next < lines.length && lines[next].startsWith("- ")) {
                    out.add(uri(lines[next++].substring(2), "resource"));
                }
                if (out.isEmpty()) {
                    throw new Malformed("'Resources:' must be followed by at least one '- <uri>' line");
                }
            }
            return out;
        }

        private String line(String what) {
            if (next >= lines.length) {
                throw new Malformed("the message ends before " + what);
            }
            return lines[next++];
        }

        private String peek() {
            if (next >= lines.length) {
                throw new Malformed("the message ends early");
            }
            return lines[next];
        }

        private void empty(String where) {
            if (!line("an empty line " + where).isEmpty()) {
                throw new Malformed("line " + next + " must be empty (" + where + ")");
            }
        }

        private String field(String name) {
            String l = line("the '" + name + "' line");
            String prefix = name + ": ";
            if (!l.startsWith(prefix)) {
                throw new Malformed("line " + next + " must start with '" + prefix + "', got '" + shorten(l) + "'");
            }
            return l.substring(prefix.length());
        }

        private Optional<String> optionalField(String name) {
            if (next < lines.length && lines[next].startsWith(name + ": ")) {
                return Optional.of(field(name));
            }
            return Optional.empty();
        }

        private static String matching(Pattern pattern, String value, String what) {
            if (!pattern.matcher(value).matches()) {
                throw new Malformed(what + " is malformed: '" + shorten(value) + "'");
            }
            return value;
        }

        private static String address(String text) {
            Address.Parsed parsed = Address.parse(text);
            if (parsed instanceof Address.Parsed.Invalid invalid) {
                throw new Malformed("address: " + invalid.reason());
            }
            String checksummed = ((Address.Parsed.Valid) parsed).address().toString();
            if (!checksummed.equals(text)) {
                throw new Malformed("address must be EIP-55 checksummed: " + checksummed);
            }
            return text;
        }

        private static String uri(String text, String what) {
            try {
                URI uri = new URI(text);
                if (uri.getScheme() == null) {
                    throw new Malformed(what + " must be an absolute URI: '" + shorten(text) + "'");
                }
                return text;
            } catch (URISyntaxException e) {
                throw new Malformed(what + " is not a URI: " + e.getReason());
            }
        }

        private static Instant instant(String text, String what) {
            try {
                return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                throw new Malformed(what + " is not an RFC 3339 date-time: '" + shorten(text) + "'");
            }
        }

        private static String shorten(String s) {
            return s.length() <= 80 ? s : s.substring(0, 80) + "…";
        }
    }
}
