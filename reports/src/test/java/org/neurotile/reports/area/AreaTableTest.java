package org.neurotile.reports.area;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurotile.reports.area.AreaTable.Part;
import org.neurotile.sim.InvalidInputException;

class AreaTableTest {
    @TempDir
    Path dir;

    static final String VALID = """
            name: t
            sram:
              1KiB: {mm2: 0.01, source: a}
              64KiB: {mm2: 0.16, source: b}
            mac:
              32: {mm2: 0.02, source: c}
            areas:
              routerBufferPerBit: {mm2: 1.0e-5, source: d}
              routerPipelinePerPortBit: {mm2: 2.0e-5, source: e}
              routerCrossbarPerPortBitSquared: {mm2: 1.0e-7, source: f}
              routerArbiterPerCell: {mm2: 5.0e-6, source: g}
              linkPerBit: {mm2: 1.0e-6, source: h}
            """;

    private AreaTable load(String text) throws IOException {
        Path file = dir.resolve("area.yaml");
        Files.writeString(file, text);
        return AreaTable.resolve(file.toString());
    }

    private InvalidInputException refused(String text) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> load(text));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e;
    }

    @Test
    void everyPresetLoadsWithASourceForEveryNumber() {
        for (String name : AreaTable.PRESETS) {
            AreaTable table = AreaTable.preset(name);
            for (Part part : Part.values()) {
                assertFalse(table.entries().get(part).source().isBlank(), name + " " + part);
            }
            table.sram().forEach(point -> assertFalse(point.source().isBlank(), name));
            table.mac().forEach(point -> assertFalse(point.source().isBlank(), name));
        }
    }

    @Test
    void the45nmPresetHasCactisSramAndTheSynthesisedFloatMac() {
        AreaTable table = AreaTable.preset("45nm");
        assertEquals(1.60235, table.sramMm2(512 * 1024), 1e-12);
        assertEquals(0.011884, table.macMm2(32), 1e-12);
        assertEquals(7.945e-6, table.mm2(Part.ROUTER_BUFFER_PER_BIT), 1e-18);
    }

    @Test
    void theNormalizedPresetIsThe45nmTableInUnitsOfOneFloatMac() {
        AreaTable nm45 = AreaTable.preset("45nm");
        AreaTable normalized = AreaTable.preset("normalized");
        assertEquals(1, normalized.macMm2(32), 1e-12);
        assertEquals(nm45.sramMm2(1 << 20) / nm45.macMm2(32), normalized.sramMm2(1 << 20), 0.1);
    }

    @Test
    void areaAtAPointIsThePointAndBetweenPointsAPowerLaw() throws IOException {
        AreaTable table = load(VALID);
        assertEquals(0.01, table.sramMm2(1024), 1e-15);
        assertEquals(0.16, table.sramMm2(64 * 1024), 1e-15);
        // 8 KiB is half way from 1 KiB to 64 KiB in log size: the geometric mean of the areas.
        assertEquals(Math.sqrt(0.01 * 0.16), table.sramMm2(8 * 1024), 1e-12);
    }

    @Test
    void areaOutsideThePointsFollowsTheNearestPowerLaw() throws IOException {
        AreaTable table = load(VALID);
        // 16x the size per 64x: exponent 2/3, so 64x further on is 16x the area again
        assertEquals(0.16 * 16, table.sramMm2(4L << 20), 1e-9);
        assertEquals(0.01 / 16, table.sramMm2(16), 1e-12);
    }

    @Test
    void oneMacPointScalesInProportionToTheWordWidth() throws IOException {
        AreaTable table = load(VALID);
        assertEquals(0.01, table.macMm2(16), 1e-15);
        assertEquals(0.04, table.macMm2(64), 1e-15);
    }

    @Test
    void anUnknownPartIsOneLineNamingFileLineAndKey() {
        InvalidInputException e = refused(VALID.replace("linkPerBit:", "linkPerByte:"));
        assertTrue(e.getMessage().contains("area.yaml:12") && e.getMessage().contains("linkPerByte")
                && e.getMessage().contains("linkPerBit"), e.getMessage());
    }

    @Test
    void aMissingPartNamesItAndTheTable() {
        InvalidInputException e = refused(VALID.replace("  linkPerBit: {mm2: 1.0e-6, source: h}\n", ""));
        assertTrue(e.getMessage().contains("'linkPerBit'") && e.getMessage().contains("table 't'"), e.getMessage());
    }

    @Test
    void aNegativeAreaIsRefusedWithItsLine() {
        InvalidInputException e = refused(VALID.replace("{mm2: 1.0e-6, source: h}", "{mm2: -1.0e-6, source: h}"));
        assertTrue(e.getMessage().contains("area.yaml:12") && e.getMessage().contains("negative"), e.getMessage());
    }

    @Test
    void aPointThatDoesNotGrowWithSizeIsRefused() {
        InvalidInputException e = refused(VALID.replace("{mm2: 0.16, source: b}", "{mm2: 0.005, source: b}"));
        assertTrue(e.getMessage().contains("area.yaml:4") && e.getMessage().contains("sram.64KiB")
                && e.getMessage().contains("grow"), e.getMessage());
    }

    @Test
    void aZeroSramAreaIsRefused() {
        InvalidInputException e = refused(VALID.replace("{mm2: 0.01, source: a}", "{mm2: 0, source: a}"));
        assertTrue(e.getMessage().contains("area.yaml:3") && e.getMessage().contains("positive"), e.getMessage());
    }

    @Test
    void aSizeThatIsNotOneIsRefused() {
        InvalidInputException e = refused(VALID.replace("64KiB:", "64 lots:"));
        assertTrue(e.getMessage().contains("area.yaml:4") && e.getMessage().contains("memory size"), e.getMessage());
        InvalidInputException bits = refused(VALID.replace("  32: {mm2", "  wide: {mm2"));
        assertTrue(bits.getMessage().contains("area.yaml:6") && bits.getMessage().contains("word width"),
                bits.getMessage());
    }

    @Test
    void twoPointsOfOneSizeAreRefused() {
        InvalidInputException e = refused(VALID.replace("64KiB:", "1024B:"));
        assertTrue(e.getMessage().contains("same size"), e.getMessage());
    }

    @Test
    void aTableWithoutMacPointsIsRefused() {
        InvalidInputException e = refused(VALID.replace("mac:\n  32: {mm2: 0.02, source: c}\n", ""));
        assertTrue(e.getMessage().contains("no 'mac' points"), e.getMessage());
    }

    @Test
    void anUnknownPresetOrFileSaysWhatIsValid() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> AreaTable.resolve("7nm"));
        assertTrue(e.getMessage().contains("45nm, normalized"), e.getMessage());
    }
}
