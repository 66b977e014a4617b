package org.neurotile.app;

import java.nio.file.Path;
import java.util.List;
import org.neurotile.sim.config.ConfigFile;
import org.neurotile.sim.config.ConfigSection;
import org.neurotile.sim.config.DoubleRange;

/** Reads a {@code neurotile noc} config file over the defaults; unknown keys are errors. */
final class NocConfigFile {
    private static final DoubleRange RATE = new DoubleRange(0, false, 1, true);

    private NocConfigFile() {
    }

    static void apply(Path file, NocSettingsBuilder b) {
        ConfigSection c = ConfigFile.load(file);
        c.requireOnlyKeys(NocSettings.KEYS);
        b.topology = c.getString("topology", b.topology);
        b.array = c.getString("array", b.array);
        b.routing = c.getString("routing", b.routing);
        b.traffic = c.getString("traffic", b.traffic);
        b.rates = c.getDoubleList("rates", b.rates, RATE);
        b.packetFlits = c.getInt("packetFlits", b.packetFlits, 1, 1 << 20);
        b.flitBytes = c.getInt("flitBytes", b.flitBytes, 1, 1 << 20);
        b.linkWidthBytes = c.getInt("linkWidthBytes", b.linkWidthBytes, 1, 1 << 20);
        b.headerBytes = c.getInt("headerBytes", b.headerBytes, 0, 1 << 20);
        b.routerDelayCycles = c.getLong("routerDelayCycles", b.routerDelayCycles, 0, 1 << 20);
        b.linkDelayCycles = c.getLong("linkDelayCycles", b.linkDelayCycles, 0, 1 << 20);
        b.injectionCycles = c.getLong("injectionCycles", b.injectionCycles, 0, 1 << 20);
        b.ejectionCycles = c.getLong("ejectionCycles", b.ejectionCycles, 0, 1 << 20);
        b.maxPacketBytes = c.getInt("maxPacketBytes", b.maxPacketBytes, 1, 1 << 30);
        b.multicast = c.getChoice("multicast", b.multicast, List.of("tree", "unicast"));
        b.warmupCycles = c.getLong("warmupCycles", b.warmupCycles, 0, 1L << 36);
        b.measureCycles = c.getLong("measureCycles", b.measureCycles, 1, 1L << 36);
        b.seed = c.getLong("seed", b.seed, Long.MIN_VALUE, Long.MAX_VALUE);
    }
}
