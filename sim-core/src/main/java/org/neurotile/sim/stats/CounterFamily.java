package org.neurotile.sim.stats;

import java.util.List;

/**
 * Counters registered together as {@code base[i].field} for i in 0..count-1, e.g. a network's
 * {@code noc.link[i].bytes}: one entry in the registry instead of one name per counter, so that
 * registering a large network's per-link counters builds no names. Names are spelled out only
 * for snapshots and for lookups of a single element.
 *
 * @param counters element (i, field) at {@code i * fields.size() + field}
 */
record CounterFamily(String base, int count, List<String> fields, Counter[] counters) {

    String name(int index, int field) {
        return base + "[" + index + "]." + fields.get(field);
    }

    /** The position in {@link #counters} of the element named {@code name}, or -1 if none is. */
    int positionOf(String name) {
        int open = base.length();
        if (!name.startsWith(base) || name.length() <= open || name.charAt(open) != '[') {
            return -1;
        }
        int close = name.indexOf(']', open);
        if (close < 0 || close + 1 >= name.length() || name.charAt(close + 1) != '.') {
            return -1;
        }
        int index = parseIndex(name, open + 1, close);
        int field = fields.indexOf(name.substring(close + 2));
        return index < 0 || field < 0 ? -1 : index * fields.size() + field;
    }

    private int parseIndex(String name, int from, int to) {
        if (from == to || to - from > 9 || (name.charAt(from) == '0' && to - from > 1)) {
            return -1;
        }
        int index = 0;
        for (int i = from; i < to; i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            index = index * 10 + (c - '0');
        }
        return index < count ? index : -1;
    }
}
