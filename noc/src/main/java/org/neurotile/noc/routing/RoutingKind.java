package org.neurotile.noc.routing;

import org.neurotile.noc.topology.Grid2D;
import org.neurotile.noc.topology.Ring;
import org.neurotile.noc.topology.Topology;
import org.neurotile.noc.topology.Tree;

/**
 * The routing functions by the name the user selects them with, each with the topology kind it works
 * on. The order is the order of the valid choices listed to the user: a topology's default comes first.
 */
enum RoutingKind {
    XY("xy", Grid2D.class) {
        @Override
        Routing create(Topology topology) {
            return new DimensionOrderRouting((Grid2D) topology, true);
        }
    },
    YX("yx", Grid2D.class) {
        @Override
        Routing create(Topology topology) {
            return new DimensionOrderRouting((Grid2D) topology, false);
        }
    },
    RING("ring", Ring.class) {
        @Override
        Routing create(Topology topology) {
            return new RingRouting((Ring) topology);
        }
    },
    UPDOWN("updown", Tree.class) {
        @Override
        Routing create(Topology topology) {
            return new UpDownRouting((Tree) topology);
        }
    };

    private final String id;
    private final Class<? extends Topology> topologyKind;

    RoutingKind(String id, Class<? extends Topology> topologyKind) {
        this.id = id;
        this.topologyKind = topologyKind;
    }

    String id() {
        return id;
    }

    boolean worksOn(Topology topology) {
        return topologyKind.isInstance(topology);
    }

    /** Only for a topology this kind {@link #worksOn(Topology) works on}. */
    abstract Routing create(Topology topology);
}
