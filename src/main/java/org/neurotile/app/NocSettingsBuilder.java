package org.neurotile.app;

import java.util.List;
import org.neurotile.noc.NocParameters;
import org.neurotile.noc.RouterKind;
import org.neurotile.noc.VcRouterParameters;
import org.neurotile.noc.traffic.LoadSettings;
import org.neurotile.noc.traffic.TrafficExperiment;
import org.neurotile.sim.InvalidInputException;

/** Starts from {@link NocSettings#DEFAULTS}; a config file and then command-line options override. */
final class NocSettingsBuilder {
    String topology;
    String array;
    String routing;
    String traffic;
    List<Double> rates;
    int packetFlits;
    int flitBytes;
    int linkWidthBytes;
    int headerBytes;
    long routerDelayCycles;
    long linkDelayCycles;
    long injectionCycles;
    long ejectionCycles;
    int maxPacketBytes;
    String multicast;
    RouterKind router;
    VcRouterParameters vc;
    long warmupCycles;
    long measureCycles;
    long seed;
    int threads;

    NocSettingsBuilder() {
        NocSettings d = NocSettings.DEFAULTS;
        NocParameters n = d.network();
        topology = d.topology();
        array = d.array();
        routing = d.routing();
        traffic = d.traffic();
        rates = d.rates();
        packetFlits = d.packetFlits();
        flitBytes = n.flitBytes();
        linkWidthBytes = n.linkWidthBytes();
        headerBytes = n.headerBytes();
        routerDelayCycles = n.routerDelayCycles();
        linkDelayCycles = n.linkDelayCycles();
        injectionCycles = n.injectionCycles();
        ejectionCycles = n.ejectionCycles();
        maxPacketBytes = n.maxPacketBytes();
        multicast = n.multicast().id();
        router = n.router();
        vc = n.vc();
        warmupCycles = d.warmupCycles();
        measureCycles = d.measureCycles();
        seed = d.seed();
        threads = d.threads();
    }

    /**
     * Checks what involves several settings, each of which its declaration has checked: rates,
     * header against packet, packet against the largest payload, warm-up plus window.
     */
    NocSettings build() {
        if (rates.isEmpty()) {
            throw new InvalidInputException("rates: give at least one rate in (0, 1]");
        }
        for (double rate : rates) {
            if (!LoadSettings.RATE.contains(rate)) {
                throw new InvalidInputException("rates: " + rate + " is outside (0, 1] flits per node per cycle");
            }
        }
        if (threads <= 0) {
            throw new InvalidInputException("--threads must be at least 1, got " + threads);
        }
        NocParameters network = new NocParameters(flitBytes, linkWidthBytes, headerBytes, routerDelayCycles,
                linkDelayCycles, injectionCycles, ejectionCycles, maxPacketBytes, NocSettings.multicast(multicast), router,
                vc);
        TrafficExperiment.requirePacket(network, packetFlits);
        LoadSettings.requireWindow(warmupCycles, measureCycles);
        return new NocSettings(topology, array, routing, traffic, List.copyOf(rates), packetFlits, network,
                warmupCycles, measureCycles, seed, threads);
    }
}
