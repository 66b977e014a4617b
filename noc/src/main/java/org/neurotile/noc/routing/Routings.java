package org.neurotile.noc.routing;

import java.util.Arrays;
import java.util.List;
import org.neurotile.noc.topology.Topology;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.UserText;

/** Routing functions by name, and which of them work on which topology. */
public final class Routings {
    private Routings() {
    }

    /** The routing names valid on {@code topology}, the default first. */
    public static List<String> namesFor(Topology topology) {
        return kindsFor(topology).stream().map(RoutingKind::id).toList();
    }

    /** {@code xy} on a mesh or torus, {@code ring} on a ring, {@code updown} on a tree. */
    public static Routing defaultFor(Topology topology) {
        return kindsFor(topology).get(0).create(topology);
    }

    /**
     * @throws InvalidInputException if {@code name} is not one of {@link #namesFor(Topology)}
     */
    public static Routing create(String name, Topology topology) {
        return kindsFor(topology).stream()
                .filter(kind -> kind.id().equals(name))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("routing '"
                        + UserText.shown(name.replaceAll("\\p{Cntrl}", "?")) + "' does not work on topology "
                        + topology.spec() + "; valid choices: " + String.join(", ", namesFor(topology))))
                .create(topology);
    }

    private static List<RoutingKind> kindsFor(Topology topology) {
        return Arrays.stream(RoutingKind.values()).filter(kind -> kind.worksOn(topology)).toList();
    }
}
