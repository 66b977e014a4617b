package org.neurotile.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurotile.noc.MulticastMode;
import org.neurotile.noc.NocParameters;
import org.neurotile.noc.RouterKind;
import org.neurotile.noc.VcRouterParameters;
import org.neurotile.noc.traffic.LoadSettings;

/**
 * Everything a {@code neurotile noc} run depends on, fully resolved. Defaults are declared here
 * and nowhere else; a config file overrides them and command-line options override the file.
 *
 * @param routing a routing name, or empty for the topology's default
 */
record NocSettings(
        String topology,
        String array,
        String routing,
        String traffic,
        List<Double> rates,
        int packetFlits,
        NocParameters network,
        long warmupCycles,
        long measureCycles,
        long seed,
        int threads) {

    static final NocSettings DEFAULTS = new NocSettings("mesh:8x8", "8x8", "", "uniform",
            List.of(0.05, 0.1, 0.2, 0.3, 0.4), LoadSettings.PACKET_FLITS.defaultInt(), NocParameters.DEFAULTS,
            LoadSettings.WARMUP_CYCLES.defaultValue(), LoadSettings.MEASURE_CYCLES.defaultValue(), 1,
            Math.max(1, Runtime.getRuntime().availableProcessors()));

    /** Keys of the config file, in the order they are written. */
    static final List<String> KEYS = keys();

    private static List<String> keys() {
        List<String> keys = new ArrayList<>(List.of("topology", "array", "routing", "traffic", "rates",
                LoadSettings.PACKET_FLITS.key()));
        keys.addAll(NocParameters.KEYS);
        keys.addAll(List.of(LoadSettings.WARMUP_CYCLES.key(), LoadSettings.MEASURE_CYCLES.key(), "seed"));
        return List.copyOf(keys);
    }

    /**
     * The resolved configuration under the config file's keys: fed back with {@code --config} it
     * reproduces the run. The thread count is left out because it does not change any number.
     */
    Map<String, Object> asConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("topology", topology);
        config.put("array", array);
        config.put("routing", routing);
        config.put("traffic", traffic);
        config.put("rates", rates);
        config.put("packetFlits", packetFlits);
        config.putAll(networkConfig(network));
        config.put("warmupCycles", warmupCycles);
        config.put("measureCycles", measureCycles);
        config.put("seed", seed);
        return config;
    }

    /** The network parameters under their config-file keys. */
    static Map<String, Object> networkConfig(NocParameters network) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("flitBytes", network.flitBytes());
        config.put("linkWidthBytes", network.linkWidthBytes());
        config.put("headerBytes", network.headerBytes());
        config.put("routerDelayCycles", network.routerDelayCycles());
        config.put("linkDelayCycles", network.linkDelayCycles());
        config.put("injectionCycles", network.injectionCycles());
        config.put("ejectionCycles", network.ejectionCycles());
        config.put("maxPacketBytes", network.maxPacketBytes());
        config.put("multicast", network.multicast().id());
        VcRouterParameters vc = network.vc();
        config.put(RouterKind.KEY, network.router().id());
        config.put(VcRouterParameters.VCS.key(), vc.virtualChannels());
        config.put(VcRouterParameters.VC_DEPTH_FLITS.key(), vc.bufferDepthFlits());
        config.put(VcRouterParameters.VC_ALLOCATOR_KEY, vc.vcAllocator().id());
        config.put(VcRouterParameters.SWITCH_ALLOCATOR_KEY, vc.switchAllocator().id());
        config.put(VcRouterParameters.ROUTING_DELAY_CYCLES.key(), vc.routingDelayCycles());
        config.put(VcRouterParameters.VC_ALLOC_DELAY_CYCLES.key(), vc.vcAllocDelayCycles());
        config.put(VcRouterParameters.SWITCH_ALLOC_DELAY_CYCLES.key(), vc.switchAllocDelayCycles());
        config.put(VcRouterParameters.SWITCH_TRAVERSAL_DELAY_CYCLES.key(), vc.switchTraversalDelayCycles());
        config.put(VcRouterParameters.CREDIT_DELAY_CYCLES.key(), vc.creditDelayCycles());
        config.put(VcRouterParameters.DEADLOCK_CYCLES.key(), vc.deadlockCycles());
        return config;
    }

    static MulticastMode multicast(String name) {
        return MulticastMode.byName(name);
    }
}
