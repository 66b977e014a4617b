package org.neurotile.reports.area;

import org.neurotile.reports.PresetTables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.config.ByteSize;
import org.neurotile.sim.config.ConfigSection;
import org.neurotile.sim.config.DoubleRange;

/**
 * What each part of a chip takes of the die, in mm², with the source of every number: SRAM by
 * capacity and a MAC unit by word width as points ({@link #sramMm2}, {@link #macMm2} interpolate
 * between them as a power law), and the router and link parts as areas per bit, port or cell.
 */
public record AreaTable(String name, String origin, String description, Map<Part, Entry> entries,
                        List<Point> sram, List<Point> mac) {

    /** The parts of a router and a link a table must give. */
    public enum Part {
        ROUTER_BUFFER_PER_BIT("routerBufferPerBit", "one bit of a router's input buffers (ports x vcs x depth x flit bits)"),
        ROUTER_PIPELINE_PER_PORT_BIT("routerPipelinePerPortBit", "a router's pipeline registers, per port and flit bit"),
        ROUTER_CROSSBAR_PER_PORT_BIT_SQUARED("routerCrossbarPerPortBitSquared",
                "a router's crossbar, per (ports x link bits) squared"),
        ROUTER_ARBITER_PER_CELL("routerArbiterPerCell",
                "one cell of a router's matrix arbiters: ports x (ports^2 + vcs^2) cells"),
        LINK_PER_BIT("linkPerBit", "one bit of a link between neighbouring routers");

        private final String key;
        private final String meaning;

        Part(String key, String meaning) {
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

    /** An area and where it comes from. */
    public record Entry(double mm2, String source) {
    }

    /** A size (bytes of SRAM, or bits of a MAC unit's words) and its area. */
    public record Point(long size, double mm2, String source) {
    }

    public static final List<String> PRESETS = List.of("45nm", "normalized");
    private static final PresetTables<AreaTable> SOURCES = new PresetTables<>("area", PRESETS,
            "/org/neurotile/reports/area/", AreaTable::parse);
    /** The table of a run that names none. */
    public static final String DEFAULT = "45nm";

    public AreaTable {
        entries = Map.copyOf(entries);
        sram = List.copyOf(sram);
        mac = List.copyOf(mac);
    }

    /** A preset by name, or a YAML file. */
    public static AreaTable resolve(String nameOrFile) {
        return SOURCES.resolve(nameOrFile);
    }

    public static AreaTable preset(String name) {
        return SOURCES.preset(name);
    }

    static AreaTable parse(ConfigSection root, String origin) {
        root.requireOnlyKeys(List.of("name", "description", "areas", "sram", "mac"));
        String name = root.requireString("name");
        ConfigSection areas = root.getSection("areas");
        List<String> partKeys = new ArrayList<>();
        for (Part part : Part.values()) {
            partKeys.add(part.key());
        }
        areas.requireOnlyKeys(partKeys);
        Map<Part, Entry> entries = new LinkedHashMap<>();
        for (Part part : Part.values()) {
            if (!areas.has(part.key())) {
                throw new InvalidInputException(areas.file() + ": area table '" + name + "' has no entry for '"
                        + part.key() + "' (" + part.meaning() + ")");
            }
            ConfigSection entry = areas.getSection(part.key());
            entry.requireOnlyKeys(List.of("mm2", "source"));
            double mm2 = entry.requireDouble("mm2", DoubleRange.finite());
            if (mm2 < 0) {
                throw entry.invalid("mm2", "is a negative area (" + mm2 + " mm²) in table '" + name + "'");
            }
            entries.put(part, new Entry(mm2, entry.requireString("source")));
        }
        List<Point> sram = points(root, "sram", name, "memory size such as 8KiB or 1MiB", ByteSize::parse);
        List<Point> mac = points(root, "mac", name, "word width in bits, 1 to 1024", AreaTable::wordBits);
        return new AreaTable(name, origin, root.getString("description", ""), entries, sram, mac);
    }

    /**
     * The points under {@code key}, by size: each a positive area, larger than the area of every
     * smaller size (so that interpolated areas grow with size).
     */
    private static List<Point> points(ConfigSection root, String key, String table, String sizeMeaning,
                                      ToLongFunction<String> parseSize) {
        ConfigSection section = root.getSection(key);
        if (section.keys().isEmpty()) {
            throw new InvalidInputException(root.file() + ": area table '" + table + "' has no '" + key + "' points ("
                    + sizeMeaning + ": {mm2, source})");
        }
        List<Point> points = new ArrayList<>();
        Map<Long, String> written = new LinkedHashMap<>();
        for (String size : section.keys()) {
            long parsed;
            try {
                parsed = parseSize.applyAsLong(size);
            } catch (InvalidInputException | NumberFormatException e) {
                throw section.invalid(size, "is not a " + sizeMeaning);
            }
            if (written.containsKey(parsed)) {
                throw section.invalid(size, "is the same size as '" + written.get(parsed) + "'");
            }
            written.put(parsed, size);
            ConfigSection point = section.getSection(size);
            point.requireOnlyKeys(List.of("mm2", "source"));
            double mm2 = point.requireDouble("mm2", DoubleRange.finite());
            if (!(mm2 > 0)) {
                throw point.invalid("mm2", "must be a positive area in mm², got " + mm2);
            }
            points.add(new Point(parsed, mm2, point.requireString("source")));
        }
        points.sort(Comparator.comparingLong(Point::size));
        for (int i = 1; i < points.size(); i++) {
            Point smaller = points.get(i - 1);
            Point larger = points.get(i);
            if (!(larger.mm2() > smaller.mm2())) {
                throw section.invalid(written.get(larger.size()), "has " + larger.mm2() + " mm², not more than the "
                        + smaller.mm2() + " mm² of the smaller '" + written.get(smaller.size())
                        + "' (area must grow with size)");
            }
        }
        return points;
    }

    private static long wordBits(String text) {
        long bits = Long.parseLong(text.trim());
        if (bits < 1 || bits > 1024) {
            throw new NumberFormatException(text);
        }
        return bits;
    }

    public double mm2(Part part) {
        return entries.get(part).mm2();
    }

    /** Area of an SRAM of {@code bytes}. */
    public double sramMm2(long bytes) {
        return finite(PowerLaw.at(sram, bytes), "an SRAM of " + bytes + " bytes");
    }

    /** Area of one MAC unit (one MAC a cycle) on words of {@code wordBits}. */
    public double macMm2(int wordBits) {
        return finite(PowerLaw.at(mac, wordBits), "a MAC unit of " + wordBits + "-bit words");
    }

    private double finite(double mm2, String what) {
        if (!Double.isFinite(mm2)) {
            throw new InvalidInputException("area table '" + name + "' (" + origin + ") gives " + what
                    + " no finite area: its points grow too steeply to extend that far");
        }
        return mm2;
    }
}
