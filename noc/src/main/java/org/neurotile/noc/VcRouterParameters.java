package org.neurotile.noc;

import java.util.Arrays;
import java.util.List;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.config.ConfigSection;
import org.neurotile.sim.config.WholeParameter;

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

    /* Every parameter's key, option, range and default, declared once for the options and the files. */
    /** At most 64: the router keeps one bit per virtual channel of a port in a long. */
    public static final WholeParameter VCS =
            new WholeParameter("vcs", "--vcs", 1, 64, 4, "virtual channels per input port (vc router)");
    public static final WholeParameter VC_DEPTH_FLITS = new WholeParameter("vcDepthFlits", "--vc-depth", 1, 1 << 16,
            8, "flits per virtual-channel buffer (vc router)");
    public static final WholeParameter ROUTING_DELAY_CYCLES = new WholeParameter("routingDelayCycles",
            "--routing-delay", 0, 1_000, 0, "cycles of route computation, 0 for lookahead (vc router)");
    public static final WholeParameter VC_ALLOC_DELAY_CYCLES = new WholeParameter("vcAllocDelayCycles",
            "--vc-alloc-delay", 1, 1_000, 1, "cycles of virtual-channel allocation (vc router)");
    public static final WholeParameter SWITCH_ALLOC_DELAY_CYCLES = new WholeParameter("switchAllocDelayCycles",
            "--switch-alloc-delay", 1, 1_000, 1, "cycles of switch allocation (vc router)");
    public static final WholeParameter SWITCH_TRAVERSAL_DELAY_CYCLES = new WholeParameter(
            "switchTraversalDelayCycles", "--switch-traversal-delay", 0, 1_000, 1,
            "cycles of crossbar traversal (vc router)");
    public static final WholeParameter CREDIT_DELAY_CYCLES = new WholeParameter("creditDelayCycles",
            "--credit-delay", 0, 1_000, 1, "cycles to process a returned credit (vc router)");
    public static final WholeParameter DEADLOCK_CYCLES = new WholeParameter("deadlockCycles", "--deadlock-cycles",
            1, 1L << 40, 10_000, "cycles without a moving flit before a deadlock is reported (vc router)");
    public static final String VC_ALLOCATOR_KEY = "vcAllocator";
    public static final String SWITCH_ALLOCATOR_KEY = "switchAllocator";
    public static final List<String> ALLOCATOR_IDS = Arrays.stream(AllocatorKind.values()).map(AllocatorKind::id).toList();
    /** Every key {@link #read} takes, in the order a run's configuration lists them. */
    public static final List<String> KEYS = List.of(VCS.key(), VC_DEPTH_FLITS.key(), VC_ALLOCATOR_KEY,
            SWITCH_ALLOCATOR_KEY, ROUTING_DELAY_CYCLES.key(), VC_ALLOC_DELAY_CYCLES.key(),
            SWITCH_ALLOC_DELAY_CYCLES.key(), SWITCH_TRAVERSAL_DELAY_CYCLES.key(), CREDIT_DELAY_CYCLES.key(),
            DEADLOCK_CYCLES.key());

    /**
     * Four virtual channels of eight flits, iSLIP, lookahead routing and one cycle per stage: with
     * {@link NocParameters#DEFAULTS} the zero-load latency equals the ideal router's (three cycles per router).
     */
    public static final VcRouterParameters DEFAULTS = new VcRouterParameters(VCS.defaultInt(),
            VC_DEPTH_FLITS.defaultInt(), AllocatorKind.ISLIP, AllocatorKind.ISLIP, ROUTING_DELAY_CYCLES.defaultValue(),
            VC_ALLOC_DELAY_CYCLES.defaultValue(), SWITCH_ALLOC_DELAY_CYCLES.defaultValue(),
            SWITCH_TRAVERSAL_DELAY_CYCLES.defaultValue(), CREDIT_DELAY_CYCLES.defaultValue(),
            DEADLOCK_CYCLES.defaultValue());

    public VcRouterParameters {
        range(VCS, virtualChannels);
        range(VC_DEPTH_FLITS, bufferDepthFlits);
        if (vcAllocator == null || switchAllocator == null) {
            throw new InvalidInputException("allocators must be one of: " + String.join(", ", ALLOCATOR_IDS));
        }
        range(ROUTING_DELAY_CYCLES, routingDelayCycles);
        range(VC_ALLOC_DELAY_CYCLES, vcAllocDelayCycles);
        range(SWITCH_ALLOC_DELAY_CYCLES, switchAllocDelayCycles);
        range(SWITCH_TRAVERSAL_DELAY_CYCLES, switchTraversalDelayCycles);
        range(CREDIT_DELAY_CYCLES, creditDelayCycles);
        range(DEADLOCK_CYCLES, deadlockCycles);
    }

    /** The vc router's keys of a config file over {@code base}; values outside the declared ranges are errors. */
    public static VcRouterParameters read(ConfigSection c, VcRouterParameters base) {
        return new VcRouterParameters(VCS.readInt(c, base.virtualChannels()),
                VC_DEPTH_FLITS.readInt(c, base.bufferDepthFlits()),
                AllocatorKind.byName(c.getChoice(VC_ALLOCATOR_KEY, base.vcAllocator().id(), ALLOCATOR_IDS)),
                AllocatorKind.byName(c.getChoice(SWITCH_ALLOCATOR_KEY, base.switchAllocator().id(), ALLOCATOR_IDS)),
                ROUTING_DELAY_CYCLES.read(c, base.routingDelayCycles()),
                VC_ALLOC_DELAY_CYCLES.read(c, base.vcAllocDelayCycles()),
                SWITCH_ALLOC_DELAY_CYCLES.read(c, base.switchAllocDelayCycles()),
                SWITCH_TRAVERSAL_DELAY_CYCLES.read(c, base.switchTraversalDelayCycles()),
                CREDIT_DELAY_CYCLES.read(c, base.creditDelayCycles()), DEADLOCK_CYCLES.read(c, base.deadlockCycles()));
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

    private static void range(WholeParameter p, long value) {
        if (value < p.min() || value > p.max()) {
            throw new InvalidInputException(p.key() + " must be " + p.valid() + " (" + p.meaning() + "), got " + value);
        }
    }
}
