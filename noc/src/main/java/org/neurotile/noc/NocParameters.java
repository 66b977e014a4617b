package org.neurotile.noc;

import java.util.List;
import java.util.stream.Stream;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.config.ConfigSection;
import org.neurotile.sim.config.WholeParameter;

/**
 * Timing and sizing of the network-on-chip. The defaults describe a classic input-queued router:
 * a three-stage pipeline (route compute, switch allocation, switch traversal), one-cycle links,
 * 16-byte flits and links that move one flit per cycle.
 *
 * @param flitBytes bytes per flit
 * @param linkWidthBytes bytes a link (and an injection or ejection channel) moves per cycle
 * @param headerBytes bytes of header added to every packet's payload before it is split into flits
 * @param routerDelayCycles cycles from a head flit's arrival at a router until it may leave
 * @param linkDelayCycles cycles a flit takes on a router-to-router link
 * @param injectionCycles cycles from a tile's network interface into its router
 * @param ejectionCycles cycles from a router out to its tile's network interface
 * @param maxPacketBytes largest payload of one packet
 * @param multicast how packets to several tiles travel
 * @param router which router model times the network
 * @param vc the virtual-channel router's buffers and pipeline (used when {@code router} is {@code vc})
 */
public record NocParameters(
        int flitBytes,
        int linkWidthBytes,
        int headerBytes,
        long routerDelayCycles,
        long linkDelayCycles,
        long injectionCycles,
        long ejectionCycles,
        int maxPacketBytes,
        MulticastMode multicast,
        RouterKind router,
        VcRouterParameters vc) {

    /* Every parameter's key, option, range and default, declared once for the options and the files. */
    public static final WholeParameter FLIT_BYTES =
            new WholeParameter("flitBytes", "--flit-bytes", 1, 1 << 20, 16, "bytes per flit");
    public static final WholeParameter LINK_WIDTH_BYTES = new WholeParameter("linkWidthBytes", "--link-width", 1,
            1 << 20, 16, "bytes a link moves per cycle");
    public static final WholeParameter HEADER_BYTES =
            new WholeParameter("headerBytes", "--header-bytes", 0, 1 << 20, 8, "header bytes per packet");
    public static final WholeParameter ROUTER_DELAY_CYCLES = new WholeParameter("routerDelayCycles",
            "--router-delay", 0, 1 << 20, 3, "cycles of router pipeline per hop");
    public static final WholeParameter LINK_DELAY_CYCLES = new WholeParameter("linkDelayCycles", "--link-delay", 0,
            1 << 20, 1, "cycles on a router-to-router link");
    public static final WholeParameter INJECTION_CYCLES = new WholeParameter("injectionCycles", "--injection-delay",
            0, 1 << 20, 1, "cycles from tile to router");
    public static final WholeParameter EJECTION_CYCLES = new WholeParameter("ejectionCycles", "--ejection-delay",
            0, 1 << 20, 1, "cycles from router to tile");
    public static final WholeParameter MAX_PACKET_BYTES = new WholeParameter("maxPacketBytes", "--max-packet-bytes",
            1, 1 << 30, 4096, "largest payload of a packet in bytes");
    /** The key of the multicast mode; its values are {@link MulticastMode#id()}s. */
    public static final String MULTICAST_KEY = "multicast";
    /** Every key {@link #read} takes, in the order a run's configuration lists them. */
    public static final List<String> KEYS = Stream.concat(Stream.of(FLIT_BYTES.key(), LINK_WIDTH_BYTES.key(),
            HEADER_BYTES.key(), ROUTER_DELAY_CYCLES.key(), LINK_DELAY_CYCLES.key(), INJECTION_CYCLES.key(),
            EJECTION_CYCLES.key(), MAX_PACKET_BYTES.key(), MULTICAST_KEY, RouterKind.KEY),
            VcRouterParameters.KEYS.stream()).toList();

    public static final NocParameters DEFAULTS = new NocParameters(FLIT_BYTES.defaultInt(),
            LINK_WIDTH_BYTES.defaultInt(), HEADER_BYTES.defaultInt(), ROUTER_DELAY_CYCLES.defaultValue(),
            LINK_DELAY_CYCLES.defaultValue(), INJECTION_CYCLES.defaultValue(), EJECTION_CYCLES.defaultValue(),
            MAX_PACKET_BYTES.defaultInt(), MulticastMode.TREE);

    /** The ideal router with these timings. */
    public NocParameters(int flitBytes, int linkWidthBytes, int headerBytes, long routerDelayCycles,
                         long linkDelayCycles, long injectionCycles, long ejectionCycles, int maxPacketBytes,
                         MulticastMode multicast) {
        this(flitBytes, linkWidthBytes, headerBytes, routerDelayCycles, linkDelayCycles, injectionCycles,
                ejectionCycles, maxPacketBytes, multicast, RouterKind.IDEAL, VcRouterParameters.DEFAULTS);
    }

    public NocParameters {
        positive("flitBytes", flitBytes);
        positive("linkWidthBytes", linkWidthBytes);
        nonNegative("headerBytes", headerBytes);
        nonNegative("routerDelayCycles", routerDelayCycles);
        nonNegative("linkDelayCycles", linkDelayCycles);
        nonNegative("injectionCycles", injectionCycles);
        nonNegative("ejectionCycles", ejectionCycles);
        positive("maxPacketBytes", maxPacketBytes);
        if (multicast == null) {
            throw new InvalidInputException("multicast must be one of: tree, unicast");
        }
        if (router == null || vc == null) {
            throw new InvalidInputException("router must be one of: ideal, vc");
        }
        if (router == RouterKind.VC && linkWidthBytes != flitBytes) {
            throw new InvalidInputException("the vc router moves one flit per cycle per link: linkWidthBytes ("
                    + linkWidthBytes + ") must equal flitBytes (" + flitBytes + ")");
        }
    }

    /** Flits of a packet with this payload: payload plus header, rounded up to whole flits. */
    public int flits(int payloadBytes) {
        return Math.toIntExact(Math.max(1, ceilDiv((long) payloadBytes + headerBytes, flitBytes)));
    }

    /** Cycles a packet of this payload occupies each channel it crosses. */
    public long serializationCycles(int payloadBytes) {
        return ceilDiv((long) flits(payloadBytes) * flitBytes, linkWidthBytes);
    }

    /**
     * Latency of a packet on an idle network, from the cycle it is sent to the cycle its last flit
     * reaches the destination tile: {@code injection + (hops + 1) * router + hops * link + ejection
     * + (serialization - 1)}. The head crosses hops + 1 routers and hops links; the rest of the
     * packet follows it, one link width per cycle.
     */
    public long zeroLoadLatencyCycles(int hops, int payloadBytes) {
        return injectionCycles + (hops + 1L) * perRouterCycles() + hops * linkDelayCycles + ejectionCycles
                + serializationCycles(payloadBytes) - 1;
    }

    /** Cycles a head spends in each router on an idle network: the ideal router's delay or the VC pipeline. */
    public long perRouterCycles() {
        return router == RouterKind.VC ? vc.pipelineCycles() : routerDelayCycles;
    }

    public NocParameters withRouter(RouterKind kind, VcRouterParameters vcRouter) {
        return new NocParameters(flitBytes, linkWidthBytes, headerBytes, routerDelayCycles, linkDelayCycles,
                injectionCycles, ejectionCycles, maxPacketBytes, multicast, kind, vcRouter);
    }

    public NocParameters withInjectionCycles(long cycles) {
        return new NocParameters(flitBytes, linkWidthBytes, headerBytes, routerDelayCycles, linkDelayCycles,
                cycles, ejectionCycles, maxPacketBytes, multicast, router, vc);
    }

    /** The network keys of a config file over {@code base}; values outside the declared ranges are errors. */
    public static NocParameters read(ConfigSection c, NocParameters base) {
        return new NocParameters(FLIT_BYTES.readInt(c, base.flitBytes()),
                LINK_WIDTH_BYTES.readInt(c, base.linkWidthBytes()), HEADER_BYTES.readInt(c, base.headerBytes()),
                ROUTER_DELAY_CYCLES.read(c, base.routerDelayCycles()), LINK_DELAY_CYCLES.read(c, base.linkDelayCycles()),
                INJECTION_CYCLES.read(c, base.injectionCycles()), EJECTION_CYCLES.read(c, base.ejectionCycles()),
                MAX_PACKET_BYTES.readInt(c, base.maxPacketBytes()),
                MulticastMode.byName(c.getChoice(MULTICAST_KEY, base.multicast().id(), MulticastMode.IDS)),
                RouterKind.byName(c.getChoice(RouterKind.KEY, base.router().id(), RouterKind.IDS)),
                VcRouterParameters.read(c, base.vc()));
    }

    public NocParameters withRouterDelayCycles(long cycles) {
        return new NocParameters(flitBytes, linkWidthBytes, headerBytes, cycles, linkDelayCycles,
                injectionCycles, ejectionCycles, maxPacketBytes, multicast, router, vc);
    }

    public NocParameters withLinkDelayCycles(long cycles) {
        return new NocParameters(flitBytes, linkWidthBytes, headerBytes, routerDelayCycles, cycles,
                injectionCycles, ejectionCycles, maxPacketBytes, multicast, router, vc);
    }

    public NocParameters withMulticast(MulticastMode mode) {
        return new NocParameters(flitBytes, linkWidthBytes, headerBytes, routerDelayCycles, linkDelayCycles,
                injectionCycles, ejectionCycles, maxPacketBytes, mode, router, vc);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private static void positive(String key, long value) {
        if (value <= 0) {
            throw new InvalidInputException(key + " must be a positive integer, got " + value);
        }
    }

    private static void nonNegative(String key, long value) {
        if (value < 0) {
            throw new InvalidInputException(key + " must be zero or a positive integer, got " + value);
        }
    }
}
