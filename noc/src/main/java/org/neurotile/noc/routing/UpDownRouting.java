package org.neurotile.noc.routing;

import java.util.Objects;
import org.neurotile.noc.topology.Tree;

/** Up the tree to the lowest common ancestor of the router and the destination, then down to it. */
final class UpDownRouting implements Routing {
    private final Tree tree;

    UpDownRouting(Tree tree) {
        this.tree = tree;
    }

    @Override
    public String name() {
        return "updown";
    }

    @Override
    public int nextLink(int atRouter, int dstTile) {
        Objects.checkIndex(atRouter, tree.routerCount());
        Objects.checkIndex(dstTile, tree.tileCount());
        if (atRouter == dstTile) {
            return -1;
        }
        final int level = tree.level(atRouter);
        if (tree.ancestor(dstTile, level) == atRouter) {
            return tree.link(atRouter, tree.ancestor(dstTile, level - 1));
        }
        return tree.link(atRouter, tree.parent(atRouter));
    }

    @Override
    public String toString() {
        return name() + " on " + tree.spec();
    }
}
