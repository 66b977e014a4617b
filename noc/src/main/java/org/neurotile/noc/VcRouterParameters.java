package org.neurotile.noc;

import org.neurotile.sim.InvalidInputException;

/**
 * The virtual-channel router: input buffers, credits and its pipeline. A head flit that reaches a
 * router in cycle {@code a} computes its route until {@code a + routingDelayCycles}, then bids for an
 * output virtual channel; granted in cycle {@code v}, it bids for the switch from {@code v +
 * vcAllocDelayCycles}; granted the switch in cycle {@code s}, it leaves the buffer and reaches the next
 * router at {@code s + switchAllocDelayCycles + switchTraversalDelayCycles + linkDelayCycles}. Body
 * flits bid for the switch as soon as they are at the front of their buffer. A freed buffer slot is
 * counted again upstream {@code 1 + linkDelayCycles + creditDelayCycles} after its flit left.
 *
 * @param virtualChannels virtual channels per input port
 * @param bufferDepthFlits flits each virtual channel's buffer holds
 * @param vcAllocator allocator of output virtual channels to waiting heads
 * @param switchAllocator allocator of the crossbar to flits
 * @param routingDelayCycles route computation (0: lookahead routing, computed one router ahead)
 * @param vcAllocDelayCycles virtual-channel allocation, at least 1
 * @param switchAllocDelayCycles switch allocation, at least 1
 * @param switchTraversalDelayCycles crossbar traversal
 * @param creditDelayCycles processing of a credit once it has crossed the link back
 * @param deadlockCycles cycles without any flit moving, flits in flight, after which the network
 *     reports a deadlock instead of running on
 */
public record VcRouterParameters(
        int virtualChannels,
        int bufferDepthFlits,
        AllocatorKind vcAllocator,
        AllocatorKind switchAllocator,
        long routingDelayCycles,
        long vcAllocDelayCycles,
        long switchAllocDelayCycles,
        long switchTraversalDelayCycles,
        long creditDelayCycles,
        long deadlockCycles) {

    /** Largest virtual-channel count: the router keeps one bit per channel of a port in a long. */
    public static final int MAX_VIRTUAL_CHANNELS = 64;
    public static final int MAX_DELAY_CYCLES = 1_000;

    /**
     * Four virtual channels of eight flits, iSLIP, lookahead routing and one cycle per stage: with
     * {@link NocParameters#DEFAULTS} the zero-load latency equals the ideal router's (three cycles per router).
     */
    public static final VcRouterParameters DEFAULTS =
            new VcRouterParameters(4, 8, AllocatorKind.ISLIP, AllocatorKind.ISLIP, 0, 1, 1, 1, 1, 10_000);

    public VcRouterParameters {
        range("vcs", virtualChannels, 1, MAX_VIRTUAL_CHANNELS);
        range("vcDepthFlits", bufferDepthFlits, 1, 1 << 20);
        if (vcAllocator == null || switchAllocator == null) {
            throw new InvalidInputException("allocators must be one of: round-robin, islip");
        }
        range("routingDelayCycles", routingDelayCycles, 0, MAX_DELAY_CYCLES);
        range("vcAllocDelayCycles", vcAllocDelayCycles, 1, MAX_DELAY_CYCLES);
        range("switchAllocDelayCycles", switchAllocDelayCycles, 1, MAX_DELAY_CYCLES);
        range("switchTraversalDelayCycles", switchTraversalDelayCycles, 0, MAX_DELAY_CYCLES);
        range("creditDelayCycles", creditDelayCycles, 0, MAX_DELAY_CYCLES);
        range("deadlockCycles", deadlockCycles, 1, Long.MAX_VALUE / 4);
    }

    /** Cycles a head spends in a router on an idle network: route, VC allocation, switch allocation, traversal. */
    public long pipelineCycles() {
        return routingDelayCycles + vcAllocDelayCycles + switchAllocDelayCycles + switchTraversalDelayCycles;
    }

    public VcRouterParameters withVirtualChannels(int vcs, int depthFlits) {
        return new VcRouterParameters(vcs, depthFlits, vcAllocator, switchAllocator, routingDelayCycles,
                vcAllocDelayCycles, switchAllocDelayCycles, switchTraversalDelayCycles, creditDelayCycles,
                deadlockCycles);
    }

    public VcRouterParameters withAllocators(AllocatorKind vcs, AllocatorKind nextSwitch) {
        return new VcRouterParameters(virtualChannels, bufferDepthFlits, vcs, nextSwitch, routingDelayCycles,
                vcAllocDelayCycles, switchAllocDelayCycles, switchTraversalDelayCycles, creditDelayCycles,
                deadlockCycles);
    }

    public VcRouterParameters withDelays(long routing, long vcAlloc, long switchAlloc, long switchTraversal,
                                         long credit) {
        return new VcRouterParameters(virtualChannels, bufferDepthFlits, vcAllocator, switchAllocator, routing,
                vcAlloc, switchAlloc, switchTraversal, credit, deadlockCycles);
    }

    public VcRouterParameters withDeadlockCycles(long cycles) {
        return new VcRouterParameters(virtualChannels, bufferDepthFlits, vcAllocator, switchAllocator,
                routingDelayCycles, vcAllocDelayCycles, switchAllocDelayCycles, switchTraversalDelayCycles,
                creditDelayCycles, cycles);
    }

    private static void range(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidInputException(key + " must be an integer in " + min + ".." + max + ", got " + value);
        }
    }
}
