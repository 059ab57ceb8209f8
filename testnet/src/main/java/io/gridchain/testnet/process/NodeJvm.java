package io.gridchain.testnet.process;

import java.util.List;

/**
 * The JVM options of the node processes this module starts (testnets and multi-node tests). Several
 * nodes share the machine's cores, so what a node does in the background must not hold up the
 * consensus of the others:
 * <ul>
 *   <li>the parallel collector: with G1 a loaded validator paused 8.4 s in 3 minutes, against 5.7 s,
 *       and G1's concurrent work and write barriers cost CPU the nodes share;</li>
 *   <li>{@code ThreadPriorityPolicy=1} with the lowest Java priority mapped to nice 19: the node runs
 *       LevelDB's compaction thread at that priority, so a compaction (seconds of CPU, on all nodes
 *       at once since they write the same data) takes idle time rather than a block's check. Lowering
 *       a thread's priority needs no privilege.</li>
 * </ul>
 */
public final class NodeJvm {
    private NodeJvm() {}

    public static List<String> options() {
        return List.of("-Xmx1g", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseParallelGC", "-XX:ThreadPriorityPolicy=1",
                "-XX:JavaPriority1_To_OSPriority=19");
    }
}
