package io.gridchain.testnet.netns;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds, cuts and removes the network of one {@link NetnsLayout} with iproute2 alone: a bridge in
 * the root namespace (so the CLI and tests there reach every node's API), one namespace per node
 * joined to it by a veth pair. A partition is a set of {@code blackhole} routes inside each node's
 * namespace for the addresses across the cut: packets are dropped silently, as on a cut cable, so
 * open TCP connections stall rather than fail and resume when the routes go (heal).
 */
public final class NetnsWiring {
    /** CAP_NET_ADMIN makes links and routes; CAP_SYS_ADMIN lets {@code ip netns} mount namespaces. */
    private static final long NEEDED_CAPABILITIES = (1L << 12) | (1L << 21);
    private static final Pattern SUBNET_IN_USE = Pattern.compile("inet 10\\.77\\.(\\d+)\\.\\d+/");
    private final NetnsLayout layout;

    public NetnsWiring(NetnsLayout layout) {
        this.layout = layout;
    }

    public NetnsLayout layout() {
        return layout;
    }

    /** Why namespaces cannot be made by this process, if they cannot: no capabilities or no {@code ip}. */
    public static Optional<String> whyUnavailable() {
        if (!hasCapabilities()) {
            return Optional.of("--netns needs root (it creates network namespaces, veth pairs and a bridge); "
                    + "run as root or leave out --netns");
        }
        Iproute2.Result ip = Iproute2.run("ip", "netns", "list");
        if (!ip.ok()) {
            return Optional.of("--netns needs iproute2's 'ip' with network namespace support: " + ip.output().strip());
        }
        return Optional.empty();
    }

    /** Effective capabilities from {@code /proc/self/status}: root in a container without NET_ADMIN is not enough. */
    private static boolean hasCapabilities() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("CapEff:")) {
                    long effective = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                    return (effective & NEEDED_CAPABILITIES) == NEEDED_CAPABILITIES;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    /** The third octets of the {@code 10.77.x.y} addresses in the root namespace: other testnets' bridges. */
    public static Set<Integer> subnetsInUse() {
        Set<Integer> used = new TreeSet<>();
        Matcher m = SUBNET_IN_USE.matcher(Iproute2.run("ip", "-4", "-o", "addr", "show").orThrow());
        while (m.find()) {
            used.add(Integer.parseInt(m.group(1)));
        }
        return used;
    }

    /**
     * Removes what an earlier testnet with the same tag (the same directory) left behind, unless a
     * process still runs in it: then this refuses and touches nothing, because that testnet is alive.
     * A line per leftover removed.
     */
    public List<String> clearLeftovers() {
        Leftovers old = leftovers();
        if (old.isEmpty()) {
            return List.of();
        }
        refuseIfInUse(old);
        remove(old);
        return List.of("removed leftovers of an earlier testnet in this directory: " + old);
    }

    /**
     * Makes the bridge, namespaces and veths; call {@link #clearLeftovers} first. On a failure
     * midway everything made so far is removed again.
     */
    public void build() {
        try {
            buildBridge();
            for (int i = 0; i < layout.nodes(); i++) {
                buildNode(i);
            }
        } catch (RuntimeException e) {
            remove(leftovers());
            throw e;
        }
    }

    private void buildBridge() {
        String br = layout.bridge();
        Iproute2.run("ip", "link", "add", br, "type", "bridge").orThrow();
        Iproute2.run("ip", "addr", "add", layout.bridgeAddress() + "/24", "dev", br).orThrow();
        Iproute2.run("ip", "link", "set", br, "up").orThrow();
    }

    private void buildNode(int i) {
        String ns = layout.namespace(i);
        String veth = layout.hostVeth(i);
        Iproute2.run("ip", "netns", "add", ns).orThrow();
        Iproute2.run("ip", "link", "add", veth, "type", "veth", "peer", "name", NetnsLayout.IN_NAMESPACE_DEVICE, "netns", ns)
                .orThrow();
        Iproute2.run("ip", "link", "set", veth, "master", layout.bridge(), "up").orThrow();
        Iproute2.batchIn(ns, List.of(
                "link set lo up",
                "addr add " + layout.address(i) + "/24 dev " + NetnsLayout.IN_NAMESPACE_DEVICE,
                "link set " + NetnsLayout.IN_NAMESPACE_DEVICE + " up")).orThrow();
    }

    /**
     * Removes every namespace and link of this tag, whatever the node count they were made for.
     * Nodes should be stopped first: a process still inside keeps its namespace alive, unnamed, and
     * a line says so. Returns what it did, a line per kind.
     */
    public List<String> remove() {
        Leftovers found = leftovers();
        List<String> lines = new ArrayList<>();
        for (String ns : found.namespaces()) {
            List<Long> pids = pidsIn(ns);
            if (!pids.isEmpty()) {
                lines.add("warning: processes " + pids + " still run in " + ns + "; they lose their network");
            }
        }
        remove(found);
        if (!found.isEmpty()) {
            lines.add("removed " + found);
        }
        return lines;
    }

    /** Host veths first (that deletes their namespace ends), then namespaces, then the bridge. */
    private void remove(Leftovers found) {
        List<String> failures = new ArrayList<>();
        for (String link : found.links()) {
            if (!link.equals(layout.bridge())) {
                collect(Iproute2.run("ip", "link", "del", link), failures);
            }
        }
        for (String ns : found.namespaces()) {
            collect(Iproute2.run("ip", "netns", "del", ns), failures);
        }
        for (String link : found.links()) {
            if (link.equals(layout.bridge())) {
                collect(Iproute2.run("ip", "link", "del", link), failures);
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("could not remove all of " + found + ": " + String.join("; ", failures));
        }
    }

    private static void collect(Iproute2.Result r, List<String> failures) {
        if (!r.ok()) {
            failures.add(String.join(" ", r.command()) + ": " + r.output().strip());
        }
    }

    private void refuseIfInUse(Leftovers old) {
        for (String ns : old.namespaces()) {
            List<Long> pids = pidsIn(ns);
            if (!pids.isEmpty()) {
                throw new IllegalStateException("network namespace " + ns + " exists and processes " + pids
                        + " run in it: a testnet from this directory is still running; stop it with 'gridchain testnet down'");
            }
        }
    }

    /** The namespaces and root-namespace links named with this layout's tag. */
    record Leftovers(List<String> namespaces, List<String> links) {
        boolean isEmpty() {
            return namespaces.isEmpty() && links.isEmpty();
        }

        @Override
        public String toString() {
            return "namespaces " + namespaces + ", links " + links;
        }
    }

    Leftovers leftovers() {
        List<String> namespaces = new ArrayList<>();
        for (String line : Iproute2.run("ip", "netns", "list").orThrow().split("\n")) {
            String name = line.strip().split("\\s+")[0];
            if (name.startsWith("gc-" + layout.tag() + "-")) {
                namespaces.add(name);
            }
        }
        List<String> links = new ArrayList<>();
        for (String line : Iproute2.run("ip", "-o", "link", "show").orThrow().split("\n")) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length > 1) {
                String name = fields[1].replaceAll("[:@].*$", "");
                if (name.startsWith("gc" + layout.tag())) {
                    links.add(name);
                }
            }
        }
        namespaces.sort(null);
        links.sort(null);
        return new Leftovers(namespaces, links);
    }

    private static List<Long> pidsIn(String namespace) {
        List<Long> pids = new ArrayList<>();
        Iproute2.Result r = Iproute2.run("ip", "netns", "pids", namespace);
        for (String line : r.ok() ? r.output().split("\n") : new String[0]) {
            if (!line.isBlank()) {
                pids.add(Long.parseLong(line.strip()));
            }
        }
        return pids;
    }

    /**
     * Cuts the network between groups: no node reaches a node of another group, in either
     * direction; nodes in no group keep reaching everyone. Replaces any earlier partition.
     */
    public void partition(List<List<Integer>> groups) {
        heal();
        for (int g = 0; g < groups.size(); g++) {
            for (int node : groups.get(g)) {
                List<String> routes = new ArrayList<>();
                for (int o = 0; o < groups.size(); o++) {
                    if (o != g) {
                        for (int far : groups.get(o)) {
                            routes.add("route add blackhole " + layout.address(far) + "/32");
                        }
                    }
                }
                Iproute2.batchIn(layout.namespace(node), routes).orThrow();
            }
        }
    }

    /** Removes every partition route. */
    public void heal() {
        for (int i = 0; i < layout.nodes(); i++) {
            Iproute2.run("ip", "-n", layout.namespace(i), "route", "flush", "type", "blackhole").orThrow();
        }
    }

    /**
     * Delays every packet node {@code node} sends by {@code delay} ({@code tc netem}), or removes
     * the delay when it is zero. Fails with tc's reason where the kernel has no netem (sch_netem).
     */
    public void delay(int node, Duration delay) {
        String ns = layout.namespace(node);
        if (delay.isZero()) {
            Iproute2.Result r = Iproute2.run("ip", "netns", "exec", ns, "tc", "qdisc", "del", "dev",
                    NetnsLayout.IN_NAMESPACE_DEVICE, "root");
            if (!r.ok() && !r.output().contains("handle of zero")) {
                r.orThrow();
            }
            return;
        }
        Iproute2.Result r = Iproute2.run("ip", "netns", "exec", ns, "tc", "qdisc", "replace", "dev",
                NetnsLayout.IN_NAMESPACE_DEVICE, "root", "netem", "delay", delay.toMillis() + "ms");
        if (!r.ok() && r.output().contains("qdisc kind is unknown")) {
            throw new IllegalStateException("tc netem is not available in this kernel (no sch_netem): " + r.output().strip());
        }
        r.orThrow();
    }
}
