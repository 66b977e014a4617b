package org.neurotile.noc.routing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurotile.noc.topology.Topologies;
import org.neurotile.noc.topology.Topology;

/** The simulator calls these per hop; any allocation there would show up as megabytes over many calls. */
class NoAllocationTest {
    private static final int CALLS = 200_000;

    private static long allocatedBytes(IntUnaryOperator call) {
        final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int i = 0; i < CALLS; i++) {
            sink += call.applyAsInt(i);
        }
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < CALLS; i++) {
            sink += call.applyAsInt(i);
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        return sink == Long.MIN_VALUE ? -1 : allocated;
    }

    @ParameterizedTest
    @ValueSource(strings = {"mesh:8x8", "torus:8x8", "ring:8x8", "tree:4:8x8"})
    void nextLinkDoesNotAllocate(String spec) {
        final Topology t = Topologies.parse(spec);
        final Routing routing = Routings.defaultFor(t);
        final int tiles = t.tileCount();
        final long bytes = allocatedBytes(i -> routing.nextLink(i % t.routerCount(), (i / 7) % tiles));
        assertTrue(bytes < 4096, bytes + " bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mesh:8x8", "tree:4:8x8"})
    void multicastTreeAccessorsDoNotAllocate(String spec) {
        final Topology t = Topologies.parse(spec);
        final MulticastTree tree = MulticastTree.broadcast(t, Routings.defaultFor(t), 9, true);
        final long bytes = allocatedBytes(i -> {
            final int router = i % t.routerCount();
            final int out = tree.outLinkCount(router);
            return (out == 0 ? 0 : tree.outLink(router, out - 1)) + (tree.ejectsAt(router) ? 1 : 0)
                    + tree.link(i % tree.linkCount());
        });
        assertTrue(bytes < 4096, bytes + " bytes");
    }
}
