package org.neurotile.noc.topology;

/**
 * A topology whose links are a {@link LinkTable}: the link accessors delegate to it, so each kind
 * only says how its links are laid out.
 */
abstract sealed class LinkedTopology implements Topology permits Mesh2D, Torus2D, Ring, Tree {

    /** The table built by the constructor. */
    abstract LinkTable links();

    @Override
    public int linkCount() {
        return links().linkCount();
    }

    @Override
    public int linkFrom(int link) {
        return links().from(link);
    }

    @Override
    public int linkTo(int link) {
        return links().to(link);
    }

    @Override
    public int link(int fromRouter, int toRouter) {
        return links().find(fromRouter, toRouter);
    }

    @Override
    public int outLinkCount(int router) {
        return links().outLinkCount(router);
    }

    @Override
    public int outLink(int router, int i) {
        return links().outLink(router, i);
    }

    @Override
    public String toString() {
        return spec();
    }
}
