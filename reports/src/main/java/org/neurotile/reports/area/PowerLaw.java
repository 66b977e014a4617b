package org.neurotile.reports.area;

import java.util.List;

/**
 * Area at any size from points of (size, area): between two points a power law through them
 * (linear in log size and log area); outside the points the power law of the nearest two; one
 * point alone scales in proportion to size.
 */
final class PowerLaw {
    private PowerLaw() {
    }

    /** {@code points} sorted by size, sizes and areas positive and increasing. */
    static double at(List<AreaTable.Point> points, double size) {
        AreaTable.Point first = points.get(0);
        if (points.size() == 1) {
            return first.mm2() * size / first.size();
        }
        int segment = 0;
        while (segment < points.size() - 2 && size > points.get(segment + 1).size()) {
            segment++;
        }
        AreaTable.Point lo = points.get(segment);
        AreaTable.Point hi = points.get(segment + 1);
        double exponent = Math.log(hi.mm2() / lo.mm2()) / Math.log((double) hi.size() / lo.size());
        if (size == lo.size()) {
            return lo.mm2();
        }
        if (size == hi.size()) {
            return hi.mm2();
        }
        return lo.mm2() * Math.pow(size / lo.size(), exponent);
    }
}
