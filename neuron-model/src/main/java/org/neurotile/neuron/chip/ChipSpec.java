package org.neurotile.neuron.chip;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.neurotile.neuron.layers.WeightSharing;
import org.neurotile.noc.NocParameters;
import org.neurotile.noc.topology.GridShape;
import org.neurotile.noc.topology.Topologies;
import org.neurotile.noc.topology.Topology;
import org.neurotile.sim.InvalidInputException;

/**
 * A chip of neuron tiles: the array, its network, one kind of tile, and how neurons are mapped.
 *
 * @param topology a topology kind ({@code mesh}, {@code torus}, {@code ring}, {@code tree:4}) or a
 *     full spec; a kind takes the size of {@code array}
 * @param convMapping how layers that share weights (convolutions) are cut into slices
 */
public record ChipSpec(GridShape array, String topology, NocParameters network, TileParameters tile,
                       MappingKind mapping, WeightSharing convMapping) {

    public ChipSpec {
        Objects.requireNonNull(convMapping, "convMapping");
    }

    /** Convolutions cut as {@link WeightSharing#DEFAULT}. */
    public ChipSpec(GridShape array, String topology, NocParameters network, TileParameters tile,
                    MappingKind mapping) {
        this(array, topology, network, tile, mapping, WeightSharing.DEFAULT);
    }

    /** This chip with convolutions cut as {@code sharing} says. */
    public ChipSpec withConvMapping(WeightSharing sharing) {
        return new ChipSpec(array, topology, network, tile, mapping, sharing);
    }

    /** How neurons are ordered before tiles are filled. */
    public enum MappingKind {
        CONTIGUOUS, ERROR_GROUPED;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static MappingKind byName(String name) {
            for (MappingKind kind : values()) {
                if (kind.id().equals(name)) {
                    return kind;
                }
            }
            throw new InvalidInputException("unknown mapping '" + name + "' (valid: contiguous, error-grouped)");
        }
    }

    /** A 32x32 mesh of default tiles and routers, neurons in index order. */
    public static final ChipSpec DEFAULTS = new ChipSpec(new GridShape(32, 32), "mesh", NocParameters.DEFAULTS,
            TileParameters.DEFAULTS, MappingKind.CONTIGUOUS);

    public Topology buildTopology() {
        return Topologies.parse(topology, Optional.of(array));
    }
}
