package org.neurotile.noc.topology;

import java.util.Arrays;
import java.util.Objects;

/** Directed links with dense ids, indexed by source router; immutable once built. */
final class LinkTable {
    private final int routerCount;
    private final int[] from;
    private final int[] to;
    /** Links leaving router r are {@code outLinks[outStart[r] .. outStart[r+1])}, by ascending id. */
    private final int[] outStart;
    private final int[] outLinks;

    private LinkTable(int routerCount, int[] from, int[] to) {
        this.routerCount = routerCount;
        this.from = from;
        this.to = to;
        this.outStart = new int[routerCount + 1];
        for (final int f : from) {
            outStart[f + 1]++;
        }
        for (int r = 0; r < routerCount; r++) {
            outStart[r + 1] += outStart[r];
        }
        this.outLinks = new int[from.length];
        final int[] next = outStart.clone();
        for (int link = 0; link < from.length; link++) {
            outLinks[next[from[link]]++] = link;
        }
    }

    int linkCount() {
        return from.length;
    }

    int from(int link) {
        return from[link];
    }

    int to(int link) {
        return to[link];
    }

    int outLinkCount(int router) {
        Objects.checkIndex(router, routerCount);
        return outStart[router + 1] - outStart[router];
    }

    int outLink(int router, int i) {
        Objects.checkIndex(i, outLinkCount(router));
        return outLinks[outStart[router] + i];
    }

    /** Scans the source's out-links: fine for the small degrees of grids and rings. */
    int find(int fromRouter, int toRouter) {
        if (fromRouter < 0 || fromRouter >= routerCount) {
            return -1;
        }
        for (int i = outStart[fromRouter]; i < outStart[fromRouter + 1]; i++) {
            if (to[outLinks[i]] == toRouter) {
                return outLinks[i];
            }
        }
        return -1;
    }

    /** Collects links in the order added; the builder's callers guarantee no self-loops or duplicates. */
    static final class Builder {
        private final int routerCount;
        private int[] from;
        private int[] to;
        private int size;

        Builder(int routerCount, int expectedLinks) {
            this.routerCount = routerCount;
            this.from = new int[Math.max(expectedLinks, 1)];
            this.to = new int[Math.max(expectedLinks, 1)];
        }

        Builder add(int fromRouter, int toRouter) {
            Objects.checkIndex(fromRouter, routerCount);
            Objects.checkIndex(toRouter, routerCount);
            if (fromRouter == toRouter) {
                throw new IllegalArgumentException("self-loop at router " + fromRouter);
            }
            if (size == from.length) {
                from = Arrays.copyOf(from, size * 2);
                to = Arrays.copyOf(to, size * 2);
            }
            from[size] = fromRouter;
            to[size] = toRouter;
            size++;
            return this;
        }

        /** True if a link from {@code fromRouter} to {@code toRouter} was already added since link {@code since}. */
        boolean addedSince(int since, int fromRouter, int toRouter) {
            for (int l = since; l < size; l++) {
                if (from[l] == fromRouter && to[l] == toRouter) {
                    return true;
                }
            }
            return false;
        }

        int size() {
            return size;
        }

        LinkTable build() {
            return new LinkTable(routerCount, Arrays.copyOf(from, size), Arrays.copyOf(to, size));
        }
    }
}
