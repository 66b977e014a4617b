package org.neurotile.reports.area;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.neurotile.reports.area.AreaTable.Part;

/**
 * The area of a chip as built, priced with an area table: every tile's SRAM and MAC units, every
 * router and every link, whether the mapping uses them or not.
 *
 * <p>A router of P ports (its links out, plus one to its tile), V virtual channels of D flits of F
 * bits each and links of L bits takes
 * {@code P V D F x buffer + P F x pipeline + (P L)^2 x crossbar + P (P^2 + V^2) x arbiter}: input
 * buffers, the pipeline registers of each port, a crossbar whose wiring grows with the square of its
 * inputs' and outputs' bits, and matrix arbiters for the switch (P of P x P cells) and the virtual
 * channels (P of V x V). A link of L bits takes {@code L x linkPerBit}.
 */
public final class AreaModel {
    /**
     * What the table needs to know of the chip.
     *
     * @param tileMemoryBytes a tile's SRAM; empty where memory is off chip (the processor baseline)
     * @param network the routers and links; empty for a chip without a network
     */
    public record Chip(long tiles, OptionalLong tileMemoryBytes, int macsPerCycle, int wordBytes,
                       Optional<Network> network) {
    }

    /**
     * The network of a chip.
     *
     * @param routersByPorts how many routers have each number of ports
     * @param links the directed links between routers
     */
    public record Network(Map<Integer, Long> routersByPorts, long links, int flitBytes, int linkWidthBytes, int vcs,
                          int vcDepthFlits) {
        public Network {
            // sorted, so that the routers' areas are summed in one order in every JVM (Map.copyOf's
            // iteration order changes from run to run)
            routersByPorts = Collections.unmodifiableSortedMap(new TreeMap<>(routersByPorts));
        }
    }

    private AreaModel() {
    }

    public static Area of(AreaTable table, Chip chip) {
        double sram = chip.tileMemoryBytes().isPresent()
                ? chip.tiles() * table.sramMm2(chip.tileMemoryBytes().getAsLong()) : 0;
        double macs = (double) chip.tiles() * chip.macsPerCycle() * table.macMm2(chip.wordBytes() * 8);
        double routers = 0;
        double links = 0;
        if (chip.network().isPresent()) {
            Network network = chip.network().get();
            for (Map.Entry<Integer, Long> group : network.routersByPorts().entrySet()) {
                routers += group.getValue() * routerMm2(table, network, group.getKey());
            }
            links = (double) network.links() * network.linkWidthBytes() * 8 * table.mm2(Part.LINK_PER_BIT);
        }
        return new Area(sram, macs, routers, links, chip.tiles());
    }

    /** One router of {@code ports} ports. */
    public static double routerMm2(AreaTable table, Network network, int ports) {
        double p = ports;
        double v = network.vcs();
        double flitBits = network.flitBytes() * 8.0;
        double linkBits = network.linkWidthBytes() * 8.0;
        return p * v * network.vcDepthFlits() * flitBits * table.mm2(Part.ROUTER_BUFFER_PER_BIT)
                + p * flitBits * table.mm2(Part.ROUTER_PIPELINE_PER_PORT_BIT)
                + (p * linkBits) * (p * linkBits) * table.mm2(Part.ROUTER_CROSSBAR_PER_PORT_BIT_SQUARED)
                + p * (p * p + v * v) * table.mm2(Part.ROUTER_ARBITER_PER_CELL);
    }
}
