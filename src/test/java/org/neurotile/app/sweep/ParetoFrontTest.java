package org.neurotile.app.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.neurotile.app.sweep.ParetoFront.Goal;

class ParetoFrontTest {
    private static final Goal[][] GOALS = {
        {Goal.MINIMIZE, Goal.MINIMIZE}, {Goal.MAXIMIZE, Goal.MINIMIZE}, {Goal.MINIMIZE, Goal.MINIMIZE, Goal.MAXIMIZE}};

    /** Points with few distinct values per objective, so ties and duplicates are common. */
    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.integers().between(0, GOALS.length - 1).flatMap(g -> {
            Goal[] goals = GOALS[g];
            Arbitrary<double[]> point = Arbitraries.integers().between(0, 6).array(int[].class).ofSize(goals.length)
                    .map(values -> Arrays.stream(values).asDoubleStream().toArray());
            return Combinators.combine(Arbitraries.just(goals), point.array(double[][].class).ofMaxSize(25))
                    .as(Case::new);
        });
    }

    record Case(Goal[] goals, double[][] points) {
    }

    @Property
    void noPointOfTheFrontIsDominatedByAnyPoint(@ForAll("cases") Case c) {
        for (int i : ParetoFront.of(c.points(), c.goals())) {
            for (double[] other : c.points()) {
                assertFalse(ParetoFront.dominates(other, c.points()[i], c.goals()));
            }
        }
    }

    @Property
    void everyPointOffTheFrontIsDominatedByAPointOnIt(@ForAll("cases") Case c) {
        List<Integer> front = ParetoFront.of(c.points(), c.goals());
        for (int i = 0; i < c.points().length; i++) {
            if (!front.contains(i)) {
                double[] point = c.points()[i];
                assertTrue(front.stream().anyMatch(f -> ParetoFront.dominates(c.points()[f], point, c.goals())),
                        "point " + i + " is off the front and dominated by no point on it");
            }
        }
    }

    @Test
    void equalPointsBothStayOnTheFront() {
        double[][] points = {{1, 2}, {1, 2}, {2, 3}};
        assertEquals(List.of(0, 1), ParetoFront.of(points, Goal.MINIMIZE, Goal.MINIMIZE));
    }

    @Test
    void aLargerValueIsBetterForAMaximizedObjective() {
        double[][] points = {{0.9, 10}, {0.8, 10}, {0.95, 20}};
        assertEquals(List.of(0, 2), ParetoFront.of(points, Goal.MAXIMIZE, Goal.MINIMIZE));
    }
}
