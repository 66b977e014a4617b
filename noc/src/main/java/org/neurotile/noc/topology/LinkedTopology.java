package org.neurotile.noc.topology;

/**
 * A topology whose links are a {@link LinkTable}: the link accessors delegate to it, so each kind
 * only says how its links are laid out.
 */
abstract sealed class LinkedTopology implements Topology permits Grid2D, Ring, Tree {
    final int width;
    final int height;

    /** Use {@link Topologies#parse} for user input; this checks only what a caller could get wrong. */
    LinkedTopology(int width, int height) {
        Topologies.checkGrid(width, height);
        this.width = width;
        this.height = height;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    /** Every router serves a tile, unless the kind adds switches. */
    @Override
    public int routerCount() {
        return tileCount();
    }

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

    /** The spec is canonical: two topologies of one kind with one spec are the same network. */
    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && ((Topology) other).spec().equals(spec());
    }

    @Override
    public int hashCode() {
        return spec().hashCode();
    }

    @Override
    public String toString() {
        return spec();
    }
}
