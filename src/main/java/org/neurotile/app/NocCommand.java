package org.neurotile.app;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.neurotile.noc.NocParameters;
import org.neurotile.noc.traffic.LoadSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code neurotile noc}: the network-on-chip alone under synthetic traffic. */
@Command(name = "noc",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs synthetic traffic on a network-on-chip and measures offered vs accepted throughput and packet "
                    + "latency at each injection rate.",
            "Prints a table and writes noc.csv, noc.json and config.json (the resolved configuration) to --out."})
final class NocCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML or JSON file with any of the settings below (camelCase keys, e.g. routerDelayCycles); "
                    + "options given on the command line override it.")
    private Path config;

    @Option(names = "--topology", paramLabel = "SPEC",
            description = "mesh:WxH, torus:WxH, ring:N or ring:WxH, tree:K:WxH; without a size, --array is used "
                    + "(default: mesh:8x8).")
    private String topology;

    @Option(names = "--array", paramLabel = "WxH", description = "Tile grid for a topology given without size (default: 8x8).")
    private String array;

    @Option(names = "--routing", paramLabel = "NAME",
            description = "xy or yx (mesh, torus), ring, updown (tree); default: the topology's own.")
    private String routing;

    @Option(names = "--traffic", paramLabel = "PATTERN",
            description = "uniform, transpose, bit-complement, hotspot[:FRACTION], broadcast[:TILE], all-to-all "
                    + "(default: uniform).")
    private String traffic;

    @Option(names = "--rates", split = ",", paramLabel = "R",
            description = "Injection rates in flits per node per cycle, each in (0, 1] (default: 0.05,0.1,0.2,0.3,0.4).")
    private List<Double> rates;

    @Option(names = "--packet-flits", paramLabel = "N", description = "Flits per packet, header included (${bundle:packetFlits}).")
    private Integer packetFlits;

    @Option(names = "--flit-bytes", paramLabel = "B", description = "Bytes per flit (${bundle:flitBytes}).")
    private Integer flitBytes;

    @Option(names = "--link-width", paramLabel = "B", description = "Bytes a link moves per cycle (${bundle:linkWidthBytes}).")
    private Integer linkWidthBytes;

    @Option(names = "--header-bytes", paramLabel = "B", description = "Header bytes per packet, less than a packet (${bundle:headerBytes}).")
    private Integer headerBytes;

    @Option(names = "--router-delay", paramLabel = "CYCLES",
            description = "Router pipeline delay per hop (${bundle:routerDelayCycles}: a classic input-queued router).")
    private Long routerDelayCycles;

    @Option(names = "--link-delay", paramLabel = "CYCLES", description = "Delay of a router-to-router link (${bundle:linkDelayCycles}).")
    private Long linkDelayCycles;

    @Option(names = "--injection-delay", paramLabel = "CYCLES", description = "Tile to router (${bundle:injectionCycles}).")
    private Long injectionCycles;

    @Option(names = "--ejection-delay", paramLabel = "CYCLES", description = "Router to tile (${bundle:ejectionCycles}).")
    private Long ejectionCycles;

    @Option(names = "--max-packet-bytes", paramLabel = "B", description = "Largest packet payload (${bundle:maxPacketBytes}).")
    private Integer maxPacketBytes;

    @Option(names = "--multicast", paramLabel = "MODE",
            description = "tree (copied where routes part) or unicast (one packet per destination) (default: tree).")
    private String multicast;

    @Mixin
    private RouterOptions routerOptions;

    @Option(names = "--warmup", paramLabel = "CYCLES", description = "Cycles before measuring (${bundle:warmupCycles}).")
    private Long warmupCycles;

    @Option(names = "--measure", paramLabel = "CYCLES", description = "Measurement window (${bundle:measureCycles}); warm-up and window together at most 2^36.")
    private Long measureCycles;

    @Option(names = "--seed", description = "Seed of every random stream (default: 1).")
    private Long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "Load points run in parallel; results do not depend on it (default: all cores).")
    private Integer threads;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: out/noc).")
    private Path out = Path.of("out", "noc");

    @Option(names = "--stats",
            description = "Also write every statistic of each rate (per link bytes, flits and busy cycles; latency "
                    + "histograms) to stats/rate-R.csv and .json.")
    private boolean writeStatistics;

    @Mixin
    private MemoryCheck memoryCheck;

    @Override
    public Integer call() throws Exception {
        new NocService(spec.commandLine().getOut(), spec.commandLine().getErr(), memoryCheck)
                .run(resolve(), config, out, writeStatistics);
        return 0;
    }

    /** Defaults, then the config file, then the options given. */
    private NocSettings resolve() {
        NocSettingsBuilder builder = new NocSettingsBuilder();
        if (config != null) {
            NocConfigFile.apply(config, builder);
        }
        if (topology != null) {
            builder.topology = topology;
        }
        if (array != null) {
            builder.array = array;
        }
        if (routing != null) {
            builder.routing = routing;
        }
        if (traffic != null) {
            builder.traffic = traffic;
        }
        if (rates != null) {
            builder.rates = rates;
        }
        if (packetFlits != null) {
            builder.packetFlits = LoadSettings.PACKET_FLITS.checkInt(packetFlits);
        }
        if (flitBytes != null) {
            builder.flitBytes = NocParameters.FLIT_BYTES.checkInt(flitBytes);
        }
        if (linkWidthBytes != null) {
            builder.linkWidthBytes = NocParameters.LINK_WIDTH_BYTES.checkInt(linkWidthBytes);
        }
        if (headerBytes != null) {
            builder.headerBytes = NocParameters.HEADER_BYTES.checkInt(headerBytes);
        }
        if (routerDelayCycles != null) {
            builder.routerDelayCycles = NocParameters.ROUTER_DELAY_CYCLES.check(routerDelayCycles);
        }
        if (linkDelayCycles != null) {
            builder.linkDelayCycles = NocParameters.LINK_DELAY_CYCLES.check(linkDelayCycles);
        }
        if (injectionCycles != null) {
            builder.injectionCycles = NocParameters.INJECTION_CYCLES.check(injectionCycles);
        }
        if (ejectionCycles != null) {
            builder.ejectionCycles = NocParameters.EJECTION_CYCLES.check(ejectionCycles);
        }
        if (maxPacketBytes != null) {
            builder.maxPacketBytes = NocParameters.MAX_PACKET_BYTES.checkInt(maxPacketBytes);
        }
        if (multicast != null) {
            builder.multicast = multicast;
        }
        builder.router = routerOptions.router(builder.router);
        builder.vc = routerOptions.vc(builder.vc);
        if (warmupCycles != null) {
            builder.warmupCycles = LoadSettings.WARMUP_CYCLES.check(warmupCycles);
        }
        if (measureCycles != null) {
            builder.measureCycles = LoadSettings.MEASURE_CYCLES.check(measureCycles);
        }
        if (seed != null) {
            builder.seed = seed;
        }
        if (threads != null) {
            builder.threads = threads;
        }
        return builder.build();
    }
}
