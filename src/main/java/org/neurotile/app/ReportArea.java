package org.neurotile.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neurotile.reports.area.Area;
import org.neurotile.reports.area.AreaModel;
import org.neurotile.reports.area.AreaTable;
import org.neurotile.reports.html.Cell;
import org.neurotile.reports.html.Table;

/** The chips of a report's runs priced with one area table, and the table itself with its sources. */
final class ReportArea {
    private final AreaTable table;
    private final List<RunResult> runs;
    private final Map<String, AreaModel.Chip> chips = new LinkedHashMap<>();
    private final Map<String, Area> areas = new LinkedHashMap<>();

    ReportArea(AreaTable table, List<RunResult> runs) {
        this.table = table;
        this.runs = List.copyOf(runs);
        for (RunResult run : runs) {
            AreaModel.Chip chip = run.areaChip();
            chips.put(run.key(), chip);
            areas.put(run.key(), AreaModel.of(table, chip));
        }
    }

    AreaTable table() {
        return table;
    }

    Area area(RunResult run) {
        return areas.get(run.key());
    }

    /** Each run's chip by part, its tiles and the tiles its mapping uses. */
    Table byPartTable() {
        List<String> headers = List.of("workload", "rule", "tiles", "tilesUsed", "sramMm2", "macMm2", "routerMm2",
                "linkMm2", "areaMm2", "usedAreaMm2");
        List<Table.Row> rows = new ArrayList<>();
        for (RunResult run : runs) {
            Area area = area(run);
            long used = run.tilesUsed();
            rows.add(new Table.Row(run.key(), List.of(Cell.text(run.workload()), Cell.text(run.rule()),
                    Cell.count(area.tiles()), Cell.count(used), mm2(area.sramMm2()), mm2(area.macMm2()),
                    mm2(area.routerMm2()), mm2(area.linkMm2()), mm2(area.totalMm2()), mm2(area.usedMm2(used)))));
        }
        return new Table("area-by-part", "Chip area by part (mm², table '" + table.name() + "')", headers, rows);
    }

    Table partsTable() {
        List<Table.Row> rows = new ArrayList<>();
        table.entries().forEach((part, entry) -> rows.add(new Table.Row(part.key(), List.of(Cell.text(part.key()),
                Cell.text(part.meaning()), number(entry.mm2()), Cell.text(entry.source())))));
        return new Table("area-parts", "Router and link areas (table '" + table.name() + "')",
                List.of("part", "what", "mm²", "source"), rows);
    }

    /** The SRAM points and the area this report's tile memories take, interpolated. */
    Table sramTable() {
        List<Table.Row> rows = new ArrayList<>();
        for (AreaTable.Point point : table.sram()) {
            rows.add(new Table.Row("sram-" + point.size(), List.of(Cell.text(RunReport.bytes(point.size())),
                    number(point.mm2()), Cell.text(point.source()))));
        }
        chips.values().stream().filter(chip -> chip.tileMemoryBytes().isPresent())
                .mapToLong(chip -> chip.tileMemoryBytes().getAsLong()).distinct().forEach(bytes -> rows.add(
                        new Table.Row("sram-used-" + bytes, List.of(Cell.text(RunReport.bytes(bytes)
                                + " (this report's tiles)"), number(table.sramMm2(bytes)), Cell.text("interpolated")))));
        return new Table("area-sram", "SRAM area by capacity", List.of("memory", "mm²", "source"), rows);
    }

    /** The MAC points and the area of one MAC unit of this report's word widths, interpolated. */
    Table macTable() {
        List<Table.Row> rows = new ArrayList<>();
        for (AreaTable.Point point : table.mac()) {
            rows.add(new Table.Row("mac-" + point.size(), List.of(Cell.text(point.size() + "-bit words"),
                    number(point.mm2()), Cell.text(point.source()))));
        }
        chips.values().stream().mapToInt(AreaModel.Chip::wordBytes).distinct().forEach(bytes -> rows.add(
                new Table.Row("mac-used-" + bytes, List.of(Cell.text(bytes * 8 + "-bit words (this report's chips)"),
                        number(table.macMm2(bytes * 8)), Cell.text("interpolated")))));
        return new Table("area-mac", "Area of one MAC unit (one MAC a cycle) by word width", List.of("word", "mm²",
                "source"), rows);
    }

    private static Cell mm2(double value) {
        return new Cell(String.format(Locale.ROOT, "%,.3f", value), value);
    }

    private static Cell number(double value) {
        return new Cell(String.format(Locale.ROOT, "%.4g", value), value);
    }
}
