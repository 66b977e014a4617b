package org.neurotile.reports.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurotile.reports.energy.EnergyTable.Action;
import org.neurotile.sim.InvalidInputException;

class EnergyTableTest {
    @TempDir
    Path dir;

    private static final String VALID = """
            name: t
            wordBits: 32
            energies:
              mac: {pj: 4, source: a}
              add: {pj: 1, source: b}
              elementwiseOp: {pj: 2, source: c}
              nocRouterPerByte: {pj: 0.5, source: d}
              nocLinkPerByte: {pj: 0.25, source: e}
              offChipPerByte: {pj: 100, source: f}
              staticPerTilePerCycle: {pj: 0.1, source: g}
            sram:
              1KiB: {read: 2, write: 3, source: h}
              64KiB: {read: 16, write: 24, source: i}
            """;

    private EnergyTable load(String text) throws IOException {
        Path file = dir.resolve("table.yaml");
        Files.writeString(file, text);
        return EnergyTable.resolve(file.toString());
    }

    @Test
    void everyPresetLoadsWithASourceForEveryNumber() {
        for (String name : EnergyTable.PRESETS) {
            EnergyTable table = EnergyTable.preset(name);
            for (Action action : Action.values()) {
                assertTrue(!table.entries().get(action).source().isBlank(), name + " " + action);
            }
            table.sram().forEach(point -> assertTrue(!point.source().isBlank(), name));
        }
    }

    @Test
    void the45nmPresetHasHorowitzsArithmetic() {
        EnergyTable table = EnergyTable.preset("45nm");
        assertEquals(4.6, table.pj(Action.MAC), 1e-12);
        assertEquals(5, table.sramReadPj(8 * 1024), 1e-12);
        assertEquals(50, table.sramReadPj(1 << 20), 1e-12);
    }

    @Test
    void sramEnergyAtATablePointIsThePoint() throws IOException {
        EnergyTable table = load(VALID);
        assertEquals(2, table.sramReadPj(1024), 1e-12);
        assertEquals(24, table.sramWritePj(64 * 1024), 1e-12);
    }

    @Test
    void sramEnergyBetweenPointsIsLinearInLogSizeAndLogEnergy() throws IOException {
        EnergyTable table = load(VALID);
        // 8 KiB is half way from 1 KiB to 64 KiB in log size: the geometric mean of 2 and 16.
        assertEquals(Math.sqrt(2 * 16), table.sramReadPj(8 * 1024), 1e-12);
    }

    @Test
    void sramEnergyOutsideThePointsIsClamped() throws IOException {
        EnergyTable table = load(VALID);
        assertEquals(2, table.sramReadPj(16), 1e-12);
        assertEquals(16, table.sramReadPj(1L << 30), 1e-12);
    }

    @Test
    void anUnknownActionIsOneLineNamingTheValidOnes() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> load(VALID.replace("add: {pj", "addd: {pj")));
        assertTrue(e.getMessage().contains("addd") && e.getMessage().contains("table.yaml"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    @Test
    void aMissingEntryNamesTheActionAndTheTable() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> load(VALID.replace("  add: {pj: 1, source: b}\n", "")));
        assertTrue(e.getMessage().contains("'add'") && e.getMessage().contains("table 't'"), e.getMessage());
    }

    @Test
    void aNegativeEnergyIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> load(VALID.replace("{pj: 4, source: a}", "{pj: -4, source: a}")));
        assertTrue(e.getMessage().contains("negative"), e.getMessage());
    }

    @Test
    void anUnknownPresetOrFileSaysWhatIsValid() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> EnergyTable.resolve("7nm"));
        assertTrue(e.getMessage().contains("45nm, normalized"), e.getMessage());
    }
}
