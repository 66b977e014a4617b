package org.neurotile.app;

import org.neurotile.noc.AllocatorKind;
import org.neurotile.noc.NocParameters;
import org.neurotile.noc.RouterKind;
import org.neurotile.noc.VcRouterParameters;
import org.neurotile.sim.InvalidInputException;
import picocli.CommandLine.Option;

/** The router model and the vc router's buffers and pipeline, shared by {@code noc}, {@code run} and {@code train}. */
final class RouterOptions {
    @Option(names = "--router", paramLabel = "ideal|vc",
            description = "Router model: ideal (unbounded queues, exact at zero load, fast) or vc (virtual channels, "
                    + "credits, allocators; saturates as BookSim2 does). Default: ideal.")
    private String router;

    @Option(names = "--vcs", paramLabel = "N", description = "Virtual channels per input port (${bundle:vcs}).")
    private Integer vcs;

    @Option(names = "--vc-depth", paramLabel = "FLITS", description = "Flits per virtual-channel buffer (${bundle:vcDepthFlits}).")
    private Integer vcDepthFlits;

    @Option(names = "--vc-allocator", paramLabel = "NAME", description = "islip or round-robin (default: islip).")
    private String vcAllocator;

    @Option(names = "--switch-allocator", paramLabel = "NAME", description = "islip or round-robin (default: islip).")
    private String switchAllocator;

    @Option(names = "--routing-delay", paramLabel = "CYCLES", description = "Route computation, 0 for lookahead (${bundle:routingDelayCycles}).")
    private Long routingDelayCycles;

    @Option(names = "--vc-alloc-delay", paramLabel = "CYCLES", description = "VC allocation stage (${bundle:vcAllocDelayCycles}).")
    private Long vcAllocDelayCycles;

    @Option(names = "--switch-alloc-delay", paramLabel = "CYCLES", description = "Switch allocation stage (${bundle:switchAllocDelayCycles}).")
    private Long switchAllocDelayCycles;

    @Option(names = "--switch-traversal-delay", paramLabel = "CYCLES", description = "Crossbar traversal (${bundle:switchTraversalDelayCycles}).")
    private Long switchTraversalDelayCycles;

    @Option(names = "--credit-delay", paramLabel = "CYCLES", description = "Processing of a returned credit (${bundle:creditDelayCycles}).")
    private Long creditDelayCycles;

    @Option(names = "--deadlock-cycles", paramLabel = "CYCLES",
            description = "Cycles without a moving flit before a deadlock is reported (${bundle:deadlockCycles}).")
    private Long deadlockCycles;

    RouterKind router(RouterKind base) {
        return router == null ? base : named("--router", () -> RouterKind.byName(router));
    }

    /** {@code base} with the options given; each value is checked against its declared range, naming the option. */
    VcRouterParameters vc(VcRouterParameters base) {
        return new VcRouterParameters(
                vcs == null ? base.virtualChannels() : VcRouterParameters.VCS.checkInt(vcs),
                vcDepthFlits == null ? base.bufferDepthFlits() : VcRouterParameters.VC_DEPTH_FLITS.checkInt(vcDepthFlits),
                vcAllocator == null ? base.vcAllocator() : named("--vc-allocator", () -> AllocatorKind.byName(vcAllocator)),
                switchAllocator == null ? base.switchAllocator()
                        : named("--switch-allocator", () -> AllocatorKind.byName(switchAllocator)),
                routingDelayCycles == null ? base.routingDelayCycles()
                        : VcRouterParameters.ROUTING_DELAY_CYCLES.check(routingDelayCycles),
                vcAllocDelayCycles == null ? base.vcAllocDelayCycles()
                        : VcRouterParameters.VC_ALLOC_DELAY_CYCLES.check(vcAllocDelayCycles),
                switchAllocDelayCycles == null ? base.switchAllocDelayCycles()
                        : VcRouterParameters.SWITCH_ALLOC_DELAY_CYCLES.check(switchAllocDelayCycles),
                switchTraversalDelayCycles == null ? base.switchTraversalDelayCycles()
                        : VcRouterParameters.SWITCH_TRAVERSAL_DELAY_CYCLES.check(switchTraversalDelayCycles),
                creditDelayCycles == null ? base.creditDelayCycles()
                        : VcRouterParameters.CREDIT_DELAY_CYCLES.check(creditDelayCycles),
                deadlockCycles == null ? base.deadlockCycles() : VcRouterParameters.DEADLOCK_CYCLES.check(deadlockCycles));
    }

    private static <T> T named(String option, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(option + ": " + e.getMessage());
        }
    }

    NocParameters apply(NocParameters base) {
        return base.withRouter(router(base.router()), vc(base.vc()));
    }
}
