package org.neurotile.reports.energy;

import org.neurotile.reports.PresetTables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.config.ByteSize;
import org.neurotile.sim.config.ConfigSection;
import org.neurotile.sim.config.DoubleRange;

/**
 * What each counted action costs, in picojoules, with the source of every number. Local memory
 * energy depends on the memory's size: the table gives points (size, read and write energy per
 * word) and {@link #sramReadPj}/{@link #sramWritePj} interpolate between them linearly in
 * log(size) and log(energy), clamped to the first and last point outside their range.
 */
public record EnergyTable(String name, String origin, String description, int wordBits,
                          Map<Action, Entry> entries, List<SramPoint> sram) {

    /** The actions a table must price. */
    public enum Action {
        MAC("mac", "one multiply-accumulate of two words"),
        ADD("add", "one addition (reductions, sums of sign feedback)"),
        ELEMENTWISE_OP("elementwiseOp", "one element-wise operation (activation, its derivative, a scaling)"),
        NOC_ROUTER_PER_BYTE("nocRouterPerByte", "one payload byte through one router"),
        NOC_LINK_PER_BYTE("nocLinkPerByte", "one payload byte over one link"),
        OFF_CHIP_PER_BYTE("offChipPerByte", "one byte to or from off-chip memory"),
        STATIC_PER_TILE_PER_CYCLE("staticPerTilePerCycle", "leakage of one tile (or the processor) per cycle");

        private final String key;
        private final String meaning;

        Action(String key, String meaning) {
            this.key = key;
            this.meaning = meaning;
        }

        public String key() {
            return key;
        }

        public String meaning() {
            return meaning;
        }
    }

    /** An energy and where it comes from. */
    public record Entry(double pj, String source) {
    }

    /** Local memory of {@code bytes}: energy per word read and written. */
    public record SramPoint(long bytes, double readPj, double writePj, String source) {
    }

    public static final List<String> PRESETS = List.of("45nm", "normalized");
    private static final PresetTables<EnergyTable> SOURCES = new PresetTables<>("energy", PRESETS,
            "/org/neurotile/reports/energy/", EnergyTable::parse);

    public EnergyTable {
        entries = Map.copyOf(entries);
        sram = List.copyOf(sram);
    }

    /** A preset by name, or a YAML file. */
    public static EnergyTable resolve(String nameOrFile) {
        return SOURCES.resolve(nameOrFile);
    }

    public static EnergyTable preset(String name) {
        return SOURCES.preset(name);
    }

    static EnergyTable parse(ConfigSection root, String origin) {
        root.requireOnlyKeys(List.of("name", "description", "wordBits", "energies", "sram"));
        String name = root.requireString("name");
        ConfigSection energies = root.getSection("energies");
        List<String> actionKeys = new ArrayList<>();
        for (Action action : Action.values()) {
            actionKeys.add(action.key());
        }
        energies.requireOnlyKeys(actionKeys);
        Map<Action, Entry> entries = new LinkedHashMap<>();
        for (Action action : Action.values()) {
            if (!energies.has(action.key())) {
                throw new InvalidInputException(energies.file() + ": energy table '" + name + "' has no entry for '"
                        + action.key() + "' (" + action.meaning() + ")");
            }
            entries.put(action, entry(energies.getSection(action.key()), name));
        }
        ConfigSection sramSection = root.getSection("sram");
        if (sramSection.keys().isEmpty()) {
            throw new InvalidInputException(root.file() + ": energy table '" + name + "' has no 'sram' points "
                    + "(memory size: {read, write, source})");
        }
        List<SramPoint> points = new ArrayList<>();
        for (String size : sramSection.keys()) {
            long bytes;
            try {
                bytes = ByteSize.parse(size);
            } catch (InvalidInputException e) {
                throw sramSection.invalid(size, "is not a memory size such as 8KiB or 1MiB");
            }
            ConfigSection point = sramSection.getSection(size);
            point.requireOnlyKeys(List.of("read", "write", "source"));
            points.add(new SramPoint(bytes, nonNegative(point, "read", name), nonNegative(point, "write", name),
                    point.requireString("source")));
        }
        points.sort(Comparator.comparingLong(SramPoint::bytes));
        int wordBits = root.getInt("wordBits", 32, 1, 1024);
        return new EnergyTable(name, origin, root.getString("description", ""), wordBits, entries, points);
    }

    private static Entry entry(ConfigSection section, String table) {
        section.requireOnlyKeys(List.of("pj", "source"));
        return new Entry(nonNegative(section, "pj", table), section.requireString("source"));
    }

    private static double nonNegative(ConfigSection section, String key, String table) {
        double value = section.requireDouble(key, DoubleRange.finite());
        if (value < 0) {
            throw section.invalid(key, "is a negative energy (" + value + " pJ) in table '" + table + "'");
        }
        return value;
    }

    public double pj(Action action) {
        return entries.get(action).pj();
    }

    public double sramReadPj(long memoryBytes) {
        return interpolate(memoryBytes, true);
    }

    public double sramWritePj(long memoryBytes) {
        return interpolate(memoryBytes, false);
    }

    private double interpolate(long bytes, boolean read) {
        SramPoint first = sram.get(0);
        SramPoint last = sram.get(sram.size() - 1);
        if (bytes <= first.bytes()) {
            return read ? first.readPj() : first.writePj();
        }
        if (bytes >= last.bytes()) {
            return read ? last.readPj() : last.writePj();
        }
        for (int i = 1; i < sram.size(); i++) {
            SramPoint hi = sram.get(i);
            if (bytes <= hi.bytes()) {
                SramPoint lo = sram.get(i - 1);
                double a = read ? lo.readPj() : lo.writePj();
                double b = read ? hi.readPj() : hi.writePj();
                double t = Math.log((double) bytes / lo.bytes()) / Math.log((double) hi.bytes() / lo.bytes());
                return a > 0 && b > 0 ? Math.exp(Math.log(a) + t * (Math.log(b) - Math.log(a))) : a + t * (b - a);
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
