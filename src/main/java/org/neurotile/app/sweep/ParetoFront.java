package org.neurotile.app.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * The non-dominated points of a set, each objective to be made smaller or larger. A point
 * dominates another when it is no worse in every objective and better in at least one; equal
 * points do not dominate each other, so both stay on the front.
 */
public final class ParetoFront {
    /** Which way an objective is better. */
    public enum Goal { MINIMIZE, MAXIMIZE }

    private ParetoFront() {
    }

    /**
     * The indices (ascending) of the points no other point dominates; {@code points[i][k]} is point
     * i's objective k, {@code goals[k]} its direction.
     */
    public static List<Integer> of(double[][] points, Goal... goals) {
        List<Integer> front = new ArrayList<>();
        for (int i = 0; i < points.length; i++) {
            boolean dominated = false;
            for (int j = 0; j < points.length && !dominated; j++) {
                dominated = j != i && dominates(points[j], points[i], goals);
            }
            if (!dominated) {
                front.add(i);
            }
        }
        return front;
    }

    /** Whether {@code a} dominates {@code b}. */
    public static boolean dominates(double[] a, double[] b, Goal... goals) {
        if (a.length != goals.length || b.length != goals.length) {
            throw new IllegalArgumentException("a point has " + a.length + " and " + b.length + " objectives for "
                    + goals.length + " goals");
        }
        boolean better = false;
        for (int k = 0; k < goals.length; k++) {
            int order = goals[k] == Goal.MINIMIZE ? Double.compare(b[k], a[k]) : Double.compare(a[k], b[k]);
            if (order < 0) {
                return false;
            }
            better |= order > 0;
        }
        return better;
    }
}
