package org.neurotile.noc.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A k-ary tree with the tile routers as its leaves (level 0, in tile-index order). Each level groups the
 * routers of the level below k at a time, in order, under one parent (the last group may be smaller),
 * up to a single root. Internal routers are numbered after the tiles, level by level. Every parent and
 * child are joined by a link each way: child c's up link has id 2c, its down link 2c+1 (the root,
 * numbered last, has neither).
 */
public final class Tree extends LinkedTopology {
    private final int arity;
    /** The id of the first router at each level; one extra entry holds the router count. */
    private final int[] levelStart;
    private final LinkTable links;

    /** Use {@link Topologies#parse} for user input; this checks only what a caller could get wrong. */
    public Tree(int arity, int width, int height) {
        super(width, height);
        if (arity < 2) {
            throw new IllegalArgumentException("tree arity must be >= 2, got " + arity);
        }
        this.arity = arity;
        final List<Integer> starts = new ArrayList<>();
        int start = 0;
        int size = width * height;
        starts.add(start);
        while (size > 1) {
            start += size;
            size = (size - 1) / arity + 1;
            starts.add(start);
        }
        starts.add(start + size);
        this.levelStart = starts.stream().mapToInt(Integer::intValue).toArray();
        final int routers = routerCount();
        final LinkTable.Builder builder = new LinkTable.Builder(routers, 2 * (routers - 1));
        for (int child = 0; child < routers - 1; child++) {
            builder.add(child, parent(child));
            builder.add(parent(child), child);
        }
        this.links = builder.build();
    }

    public int arity() {
        return arity;
    }

    /** Levels from the leaves (level 0) to the root (level {@code levelCount() - 1}). */
    public int levelCount() {
        return levelStart.length - 1;
    }

    public int root() {
        return routerCount() - 1;
    }

    public int level(int router) {
        Objects.checkIndex(router, routerCount());
        int level = 0;
        while (router >= levelStart[level + 1]) {
            level++;
        }
        return level;
    }

    /** The router's place among the routers of its level, counted from 0. */
    public int indexInLevel(int router) {
        return router - levelStart[level(router)];
    }

    /** The router above {@code router}, or -1 for the root. */
    public int parent(int router) {
        final int level = level(router);
        if (level == levelCount() - 1) {
            return -1;
        }
        return levelStart[level + 1] + (router - levelStart[level]) / arity;
    }

    /** The router at {@code level} whose subtree holds {@code tile}. */
    public int ancestor(int tile, int level) {
        Objects.checkIndex(tile, tileCount());
        Objects.checkIndex(level, levelCount());
        int index = tile;
        for (int l = 0; l < level; l++) {
            index /= arity;
        }
        return levelStart[level] + index;
    }

    @Override
    LinkTable links() {
        return links;
    }

    @Override
    public String spec() {
        return "tree:" + arity + ":" + (height == 1 ? Integer.toString(width) : width + "x" + height);
    }

    @Override
    public int routerCount() {
        return levelStart[levelStart.length - 1];
    }

    @Override
    public int link(int fromRouter, int toRouter) {
        final int routers = routerCount();
        if (fromRouter < 0 || fromRouter >= routers || toRouter < 0 || toRouter >= routers) {
            return -1;
        }
        if (parent(fromRouter) == toRouter) {
            return 2 * fromRouter;
        }
        return parent(toRouter) == fromRouter ? 2 * toRouter + 1 : -1;
    }

    /** Up to the lowest common ancestor and down again. */
    @Override
    public int minimalHops(int srcTile, int dstTile) {
        int level = 0;
        while (ancestor(srcTile, level) != ancestor(dstTile, level)) {
            level++;
        }
        return 2 * level;
    }

    /** Tile routers by coordinate; internal routers as {@code tree[level,index]}. */
    @Override
    public String routerName(int router) {
        return router < tileCount()
                ? coord(router).toString()
                : "tree[" + level(router) + "," + indexInLevel(router) + "]";
    }
}
