package org.neurotile.noc.topology;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random small topologies of every kind, for property tests. */
public final class TopologyArbitraries {
    private TopologyArbitraries() {
    }

    public static Arbitrary<Topology> anyTopology() {
        return Arbitraries.oneOf(meshes(), tori(), rings(), trees());
    }

    public static Arbitrary<Topology> meshes() {
        return Combinators.combine(side(), side()).as(Grid2D::mesh);
    }

    public static Arbitrary<Topology> tori() {
        return Combinators.combine(side(), side()).as(Grid2D::torus);
    }

    public static Arbitrary<Topology> rings() {
        return Combinators.combine(side(), side()).as(Ring::new);
    }

    public static Arbitrary<Topology> trees() {
        return Combinators.combine(Arbitraries.integers().between(2, 5), side(), side()).as(Tree::new);
    }

    private static Arbitrary<Integer> side() {
        return Arbitraries.integers().between(1, 9);
    }
}
