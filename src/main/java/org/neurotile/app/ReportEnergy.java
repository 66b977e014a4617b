package org.neurotile.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.neurotile.neuron.counts.Counts;
import org.neurotile.reports.energy.Energy;
import org.neurotile.reports.energy.EnergyKind;
import org.neurotile.reports.energy.EnergyPass;
import org.neurotile.reports.energy.EnergyTable;
import org.neurotile.reports.html.Cell;
import org.neurotile.reports.html.Table;

/** The runs of a report priced with one energy table, and the report's energy tables. */
final class ReportEnergy {
    private final EnergyTable table;
    private final List<RunResult> runs;
    private final Map<String, EnergyPass> passes = new HashMap<>();

    ReportEnergy(EnergyTable table, List<RunResult> runs) {
        this.table = table;
        this.runs = List.copyOf(runs);
        for (RunResult run : runs) {
            passes.put(run.key(), new EnergyPass(table, run.energyChip()));
        }
    }

    EnergyTable table() {
        return table;
    }

    EnergyPass pass(RunResult run) {
        return passes.get(run.key());
    }

    /** The example's energy: what it did plus the leakage of every tile over its cycles. */
    Energy total(RunResult run) {
        return pass(run).total(run.totals(), run.cycles());
    }

    /** The energy of each tile (its tasks from counts.csv): its actions plus its leakage; grid[y][x]. */
    double[][] perTile(RunResult run, List<RunResult.TaskRow> tasks) {
        int[] shape = run.arrayShape();
        Map<Integer, Counts> counts = new LinkedHashMap<>();
        Map<Integer, int[]> where = new HashMap<>();
        for (RunResult.TaskRow task : tasks) {
            counts.merge(task.tile(), task.counts(), Counts::plus);
            where.put(task.tile(), new int[] {task.x(), task.y()});
        }
        double leakage = pass(run).staticPj(1, run.cycles());
        double[][] grid = new double[shape[1]][shape[0]];
        for (double[] row : grid) {
            Arrays.fill(row, leakage);
        }
        counts.forEach((tile, tileCounts) -> {
            int[] xy = where.get(tile);
            if (xy[1] < shape[1] && xy[0] < shape[0]) {
                grid[xy[1]][xy[0]] += pass(run).dynamic(tileCounts).totalPj();
            }
        });
        return grid;
    }

    Table byKindTable() {
        List<String> headers = new ArrayList<>(List.of("workload", "rule"));
        for (EnergyKind kind : EnergyKind.values()) {
            headers.add(kind.id() + "Pj");
        }
        headers.add("energyPj");
        List<Table.Row> rows = new ArrayList<>();
        for (RunResult run : runs) {
            Energy energy = total(run);
            List<Cell> cells = new ArrayList<>(List.of(Cell.text(run.workload()), Cell.text(run.rule())));
            for (EnergyKind kind : EnergyKind.values()) {
                cells.add(Cell.energy(energy.pj(kind)));
            }
            cells.add(Cell.energy(energy.totalPj()));
            rows.add(new Table.Row(run.key(), cells));
        }
        return new Table("energy-by-kind", "Energy per example by kind", headers, rows);
    }

    Table byPhaseTable() {
        return breakdownTable("byPhase", "phase", "energy-by-phase", "Dynamic energy per example by phase");
    }

    Table byLayerTable() {
        return breakdownTable("byLayer", "layer", "energy-by-layer", "Dynamic energy per example by layer (layer 0: "
                + "the input's arrival)");
    }

    /** Dynamic energy of each group of a breakdown in result.json ({@code byPhase}, {@code byLayer}). */
    private Table breakdownTable(String key, String column, String id, String caption) {
        List<String> headers = new ArrayList<>(List.of("workload", "rule", column));
        for (EnergyKind kind : EnergyKind.values()) {
            if (kind != EnergyKind.STATIC) {
                headers.add(kind.id() + "Pj");
            }
        }
        headers.add("dynamicPj");
        List<Table.Row> rows = new ArrayList<>();
        for (RunResult run : runs) {
            run.breakdown(key).forEach((group, counts) -> {
                Energy energy = pass(run).dynamic(counts);
                List<Cell> cells = new ArrayList<>(List.of(Cell.text(run.workload()), Cell.text(run.rule()),
                        Cell.text(group)));
                for (EnergyKind kind : EnergyKind.values()) {
                    if (kind != EnergyKind.STATIC) {
                        cells.add(Cell.energy(energy.pj(kind)));
                    }
                }
                cells.add(Cell.energy(energy.totalPj()));
                rows.add(new Table.Row(run.key() + "/" + group, cells));
            });
        }
        return new Table(id, caption, headers, rows);
    }

    Table actionsTable() {
        List<Table.Row> rows = new ArrayList<>();
        table.entries().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> rows.add(
                new Table.Row(entry.getKey().key(), List.of(Cell.text(entry.getKey().key()),
                        Cell.text(entry.getKey().meaning()), new Cell(String.format(Locale.ROOT, "%.4g",
                                entry.getValue().pj()), entry.getValue().pj()), Cell.text(entry.getValue().source())))));
        return new Table("energy-actions", "Energy per action (table '" + table.name() + "', " + table.wordBits()
                + "-bit words)", List.of("action", "what", "pJ", "source"), rows);
    }

    Table sramTable() {
        List<Table.Row> rows = new ArrayList<>();
        for (EnergyTable.SramPoint point : table.sram()) {
            rows.add(new Table.Row("point-" + point.bytes(), List.of(Cell.text(RunReport.bytes(point.bytes())),
                    new Cell(String.format(Locale.ROOT, "%.4g", point.readPj()), point.readPj()),
                    new Cell(String.format(Locale.ROOT, "%.4g", point.writePj()), point.writePj()),
                    Cell.text(point.source()))));
        }
        runs.stream().map(RunResult::energyChip).map(EnergyPass.Chip::localMemoryBytes)
                .filter(OptionalLong::isPresent).map(OptionalLong::getAsLong).distinct().forEach(bytes -> rows.add(new Table.Row("used-" + bytes, List.of(
                        Cell.text(RunReport.bytes(bytes) + " (this report's tiles)"),
                        new Cell(String.format(Locale.ROOT, "%.4g", table.sramReadPj(bytes)), table.sramReadPj(bytes)),
                        new Cell(String.format(Locale.ROOT, "%.4g", table.sramWritePj(bytes)), table.sramWritePj(bytes)),
                        Cell.text("interpolated")))));
        return new Table("energy-sram", "Local memory energy per word by memory size", List.of("memory", "read pJ",
                "write pJ", "source"), rows);
    }
}
