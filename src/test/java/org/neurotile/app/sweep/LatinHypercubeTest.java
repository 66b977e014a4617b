package org.neurotile.app.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class LatinHypercubeTest {

    @Property(tries = 50)
    void everyStratumOfEveryParameterHoldsExactlyOnePoint(@ForAll @IntRange(min = 1, max = 200) int points,
                                                          @ForAll long seed) {
        List<Parameter> parameters = List.of(
                new Parameter("a", 1, new Parameter.Interval(0, 1, false, 1)),
                new Parameter("b", 2, new Parameter.Interval(-5, 5, false, 2)));
        double[][] u = new Design.Sample(true, points, seed).unitPositions(parameters);
        for (double[] positions : u) {
            int[] perStratum = new int[points];
            for (double position : positions) {
                perStratum[(int) Math.floor(position * points)]++;
            }
            for (int count : perStratum) {
                assertEquals(1, count);
            }
        }
    }

    @Property(tries = 30)
    void sampledValuesMapTheirStrataOntoTheInterval(@ForAll @IntRange(min = 1, max = 100) int points,
                                                    @ForAll long seed) {
        Parameter b = new Parameter("b", 2, new Parameter.Interval(-5, 5, false, 2));
        int[] perStratum = new int[points];
        for (var point : new Design.Sample(true, points, seed).points("s.yaml", List.of(b))) {
            double value = (Double) point.get(0).value();
            perStratum[Math.min(points - 1, (int) Math.floor((value + 5) / 10 * points))]++;
        }
        for (int count : perStratum) {
            assertEquals(1, count);
        }
    }
}
