package org.neurotile.app;

import java.nio.file.Path;
import org.neurotile.noc.MulticastMode;
import org.neurotile.noc.NocParameters;
import org.neurotile.noc.RouterKind;
import org.neurotile.noc.VcRouterParameters;
import org.neurotile.noc.traffic.LoadSettings;
import org.neurotile.sim.config.ConfigFile;
import org.neurotile.sim.config.ConfigSection;

/** Reads a {@code neurotile noc} config file over the defaults; unknown keys are errors. */
final class NocConfigFile {
    private NocConfigFile() {
    }

    static void apply(Path file, NocSettingsBuilder b) {
        ConfigSection c = ConfigFile.load(file);
        c.requireOnlyKeys(NocSettings.KEYS);
        b.topology = c.getString("topology", b.topology);
        b.array = c.getString("array", b.array);
        b.routing = c.getString("routing", b.routing);
        b.traffic = c.getString("traffic", b.traffic);
        b.rates = c.getDoubleList("rates", b.rates, LoadSettings.RATE);
        b.packetFlits = LoadSettings.PACKET_FLITS.readInt(c, b.packetFlits);
        b.flitBytes = NocParameters.FLIT_BYTES.readInt(c, b.flitBytes);
        b.linkWidthBytes = NocParameters.LINK_WIDTH_BYTES.readInt(c, b.linkWidthBytes);
        b.headerBytes = NocParameters.HEADER_BYTES.readInt(c, b.headerBytes);
        b.routerDelayCycles = NocParameters.ROUTER_DELAY_CYCLES.read(c, b.routerDelayCycles);
        b.linkDelayCycles = NocParameters.LINK_DELAY_CYCLES.read(c, b.linkDelayCycles);
        b.injectionCycles = NocParameters.INJECTION_CYCLES.read(c, b.injectionCycles);
        b.ejectionCycles = NocParameters.EJECTION_CYCLES.read(c, b.ejectionCycles);
        b.maxPacketBytes = NocParameters.MAX_PACKET_BYTES.readInt(c, b.maxPacketBytes);
        b.multicast = c.getChoice(NocParameters.MULTICAST_KEY, b.multicast, MulticastMode.IDS);
        b.router = RouterKind.byName(c.getChoice(RouterKind.KEY, b.router.id(), RouterKind.IDS));
        b.vc = VcRouterParameters.read(c, b.vc);
        b.warmupCycles = LoadSettings.WARMUP_CYCLES.read(c, b.warmupCycles);
        b.measureCycles = LoadSettings.MEASURE_CYCLES.read(c, b.measureCycles);
        b.seed = c.getLong("seed", b.seed, Long.MIN_VALUE, Long.MAX_VALUE);
    }
}
