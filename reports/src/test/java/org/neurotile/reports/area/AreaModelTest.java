package org.neurotile.reports.area;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class AreaModelTest {
    private static final AreaTable TABLE = AreaTable.preset("45nm");

    /** A 2x2 mesh: four 3-port routers (two neighbours and the tile), eight directed links. */
    private static AreaModel.Chip mesh2x2(long memoryBytes) {
        return new AreaModel.Chip(4, OptionalLong.of(memoryBytes), 16, 4,
                Optional.of(new AreaModel.Network(Map.of(3, 4L), 8, 16, 16, 4, 8)));
    }

    @Test
    void aSmallChipIsTheSumOfItsParts() {
        Area area = AreaModel.of(TABLE, mesh2x2(512 * 1024));
        double sram = 4 * 1.60235;
        double macs = 4 * 16 * 0.011884;
        // one 3-port router, 4 VCs of 8 128-bit flits, 128-bit links
        double router = 3 * 4 * 8 * 128 * 7.945e-6 + 3 * 128 * 1.0998e-5 + (3 * 128.0) * (3 * 128.0) * 5.777e-8
                + 3 * (9 + 16) * 6.255e-6;
        double links = 8 * 128 * 1.408e-6;
        assertEquals(sram, area.sramMm2(), 1e-12);
        assertEquals(macs, area.macMm2(), 1e-12);
        assertEquals(4 * router, area.routerMm2(), 1e-12);
        assertEquals(links, area.linkMm2(), 1e-12);
        assertEquals(sram + macs + 4 * router + links, area.totalMm2(), 1e-12);
    }

    @Test
    void theDefaultRouterIsDsentsWithinAFewPercent() {
        // DSENT 0.91, Bulk45LVT, 5 ports, 128-bit flits, 4 VCs of 8 flits: 0.1942 mm²
        double router = AreaModel.routerMm2(TABLE, new AreaModel.Network(Map.of(5, 1L), 0, 16, 16, 4, 8), 5);
        assertEquals(0.1942, router, 0.1942 * 0.02);
    }

    @Test
    void theUsedAreaIsTheUsedTilesShare() {
        Area area = AreaModel.of(TABLE, mesh2x2(8 * 1024));
        assertEquals(area.totalMm2() / 4, area.usedMm2(1), 1e-12);
        assertEquals(area.totalMm2(), area.usedMm2(4), 1e-12);
    }

    @Test
    void aChipWithoutMemoryOrNetworkIsItsMacs() {
        Area area = AreaModel.of(TABLE, new AreaModel.Chip(1, OptionalLong.empty(), 16, 4, Optional.empty()));
        assertEquals(16 * 0.011884, area.totalMm2(), 1e-12);
    }

    @Property(tries = 200)
    void areaGrowsWithTileMemory(@ForAll @LongRange(min = 64, max = 1L << 36) long bytes,
                                 @ForAll @LongRange(min = 1, max = 1L << 20) long more) {
        assertTrue(AreaModel.of(TABLE, mesh2x2(bytes + more)).totalMm2()
                > AreaModel.of(TABLE, mesh2x2(bytes)).totalMm2());
    }

    @Property(tries = 200)
    void areaGrowsWithTheArray(@ForAll @IntRange(min = 1, max = 256) int width,
                               @ForAll @IntRange(min = 1, max = 256) int height,
                               @ForAll @IntRange(min = 0, max = 1) int wider) {
        int nextWidth = width + wider;
        int nextHeight = height + 1 - wider;
        assertTrue(AreaModel.of(TABLE, mesh(nextWidth, nextHeight)).totalMm2()
                > AreaModel.of(TABLE, mesh(width, height)).totalMm2());
    }

    @Property(tries = 100)
    void areaGrowsWithMacsPerCycleAndWordWidth(@ForAll @IntRange(min = 1, max = 1024) int macs,
                                               @ForAll @IntRange(min = 1, max = 16) int wordBytes) {
        Area area = AreaModel.of(TABLE, new AreaModel.Chip(1, OptionalLong.of(4096), macs, wordBytes, Optional.empty()));
        assertTrue(AreaModel.of(TABLE, new AreaModel.Chip(1, OptionalLong.of(4096), macs + 1, wordBytes,
                Optional.empty())).totalMm2() > area.totalMm2());
        assertTrue(AreaModel.of(TABLE, new AreaModel.Chip(1, OptionalLong.of(4096), macs, wordBytes + 1,
                Optional.empty())).totalMm2() > area.totalMm2());
    }

    /** A w x h mesh of 512 KiB tiles, with its routers counted by ports as a mesh has them. */
    private static AreaModel.Chip mesh(int width, int height) {
        Map<Integer, Long> byPorts = new java.util.TreeMap<>();
        long links = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int neighbours = (x > 0 ? 1 : 0) + (x < width - 1 ? 1 : 0) + (y > 0 ? 1 : 0) + (y < height - 1 ? 1 : 0);
                byPorts.merge(neighbours + 1, 1L, Long::sum);
                links += neighbours;
            }
        }
        return new AreaModel.Chip((long) width * height, OptionalLong.of(512 * 1024), 16, 4,
                Optional.of(new AreaModel.Network(byPorts, links, 16, 16, 4, 8)));
    }

    @Test
    void routersAreSummedInPortOrderSoEveryRunGivesTheSameBits() {
        Map<Integer, Long> groups = Map.of(9, 1L, 2, 4L, 7, 2L, 3, 8L, 5, 16L, 4, 32L);
        AreaModel.Network network = new AreaModel.Network(groups, 8, 16, 16, 4, 8);
        assertEquals(List.of(2, 3, 4, 5, 7, 9), List.copyOf(network.routersByPorts().keySet()));
    }
}
