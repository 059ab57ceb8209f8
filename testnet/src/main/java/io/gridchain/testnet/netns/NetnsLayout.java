package io.gridchain.testnet.netns;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * The names and addresses of one testnet's network namespaces, all derived from three numbers so
 * that {@code testnet.json} stores them once and {@code testnet down} finds exactly what {@code up}
 * made. Node i runs in namespace {@code gc-<tag>-<i>} behind the veth {@code gc<tag>v<i>} (its
 * namespace end is {@code eth0}), all veths hang on the bridge {@code gc<tag>br} in the root
 * namespace, which has {@code 10.77.<subnet>.1/24}; node i has {@code 10.77.<subnet>.<i+2>}.
 * Linux caps interface names at 15 characters; these stay at 12 or fewer.
 */
public record NetnsLayout(String tag, int subnet, int nodes) {
    /** .0 is the network, .1 the bridge, .255 broadcast: 253 addresses left, more than a testnet may have (200). */
    public static final int MAX_NODES = 253;
    static final String IN_NAMESPACE_DEVICE = "eth0";

    public NetnsLayout {
        if (!tag.matches("[0-9a-f]{6}")) {
            throw new IllegalArgumentException("a netns tag is 6 hex digits, got '" + tag + "'");
        }
        if (subnet < 1 || subnet > 254) {
            throw new IllegalArgumentException("subnet must be between 1 and 254, got " + subnet);
        }
        if (nodes < 1 || nodes > MAX_NODES) {
            throw new IllegalArgumentException("nodes must be between 1 and " + MAX_NODES + ", got " + nodes);
        }
    }

    /**
     * The layout for a testnet in {@code dir}: the tag is a hash of the directory's absolute path (so
     * a leftover of an earlier testnet in the same directory is recognised as such), the subnet the
     * first of {@code 10.77.1-254.0/24} that {@code inUse} does not hold, starting at one the tag picks.
     */
    public static NetnsLayout forDirectory(Path dir, int nodes, Set<Integer> inUse) {
        String tag = tagOf(dir);
        int start = Integer.parseInt(tag, 16) % 254;
        for (int k = 0; k < 254; k++) {
            int subnet = 1 + (start + k) % 254;
            if (!inUse.contains(subnet)) {
                return new NetnsLayout(tag, subnet, nodes);
            }
        }
        throw new IllegalStateException("every subnet 10.77.1.0/24 to 10.77.254.0/24 is in use on this machine");
    }

    static String tagOf(Path dir) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(dir.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public String namespace(int node) {
        return "gc-" + tag + "-" + checked(node);
    }

    /** The root-namespace end of node {@code node}'s veth pair, enslaved to the bridge. */
    public String hostVeth(int node) {
        return "gc" + tag + "v" + checked(node);
    }

    public String bridge() {
        return "gc" + tag + "br";
    }

    public String address(int node) {
        return "10.77." + subnet + "." + (checked(node) + 2);
    }

    public String bridgeAddress() {
        return "10.77." + subnet + ".1";
    }

    private int checked(int node) {
        if (node < 0 || node >= nodes) {
            throw new IndexOutOfBoundsException("node " + node + " of " + nodes);
        }
        return node;
    }
}
