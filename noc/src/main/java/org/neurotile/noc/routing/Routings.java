package org.neurotile.noc.routing;

import java.util.List;
import org.neurotile.noc.topology.Mesh2D;
import org.neurotile.noc.topology.Ring;
import org.neurotile.noc.topology.Topology;
import org.neurotile.noc.topology.Torus2D;
import org.neurotile.noc.topology.Tree;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.UserText;

/** Routing functions by name, and which of them work on which topology. */
public final class Routings {
    private Routings() {
    }

    /** The routing names valid on {@code topology}, the default first. */
    public static List<String> namesFor(Topology topology) {
        if (topology instanceof Mesh2D || topology instanceof Torus2D) {
            return List.of("xy", "yx");
        }
        return topology instanceof Ring ? List.of("ring") : List.of("updown");
    }

    /** {@code xy} on a mesh or torus, {@code ring} on a ring, {@code updown} on a tree. */
    public static Routing defaultFor(Topology topology) {
        return create(namesFor(topology).get(0), topology);
    }

    /**
     * @throws InvalidInputException if {@code name} is not one of {@link #namesFor(Topology)}
     */
    public static Routing create(String name, Topology topology) {
        final List<String> valid = namesFor(topology);
        if (!valid.contains(name)) {
            throw new InvalidInputException("routing '" + UserText.shown(name.replaceAll("\\p{Cntrl}", "?"))
                    + "' does not work on topology " + topology.spec() + "; valid choices: " + String.join(", ", valid));
        }
        if (topology instanceof Ring ring) {
            return new RingRouting(ring);
        }
        if (topology instanceof Tree tree) {
            return new UpDownRouting(tree);
        }
        return new DimensionOrderRouting(topology, name.equals("xy"), topology instanceof Torus2D);
    }
}
