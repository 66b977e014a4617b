package org.neurotile.app.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.neurotile.app.sweep.ParetoFront.Goal;

/**
 * The Pareto fronts a sweep report draws, each over the ok points that have both measures: energy
 * per example against cycles per example and against chip area, and for training sweeps test
 * accuracy against energy.
 */
record SweepFronts(List<Front> fronts) {
    static final String ENERGY = "energyPerExamplePj";
    static final String CYCLES = "cyclesPerExample";
    static final String AREA = "areaMm2";
    static final String ACCURACY = "testAccuracy";

    /** One front: x and y measures, each's goal, and the points drawn with which of them are on it. */
    record Front(String id, String title, Axis x, Axis y, List<SweepResults.Point> points, List<Boolean> onFront) {
        List<SweepResults.Point> nonDominated() {
            List<SweepResults.Point> front = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                if (onFront.get(i)) {
                    front.add(points.get(i));
                }
            }
            return front;
        }
    }

    /** A measure on an axis: its name, its label and whether smaller is better. */
    record Axis(String measure, String label, Goal goal) {
    }

    static SweepFronts of(SweepResults results) {
        Axis energy = new Axis(ENERGY, "energy per example (pJ)", Goal.MINIMIZE);
        List<Front> fronts = new ArrayList<>();
        front(results, "front-energy-cycles", "Energy against cycles per example",
                new Axis(CYCLES, "cycles per example", Goal.MINIMIZE), energy).ifPresent(fronts::add);
        front(results, "front-energy-area", "Energy per example against chip area",
                new Axis(AREA, "chip area (mm²)", Goal.MINIMIZE), energy).ifPresent(fronts::add);
        front(results, "front-accuracy-energy", "Test accuracy against energy per example", energy,
                new Axis(ACCURACY, "test accuracy", Goal.MAXIMIZE)).ifPresent(fronts::add);
        return new SweepFronts(fronts);
    }

    private static Optional<Front> front(SweepResults results, String id, String title, Axis x, Axis y) {
        List<SweepResults.Point> points = results.with(PointRow.Status.OK).stream()
                .filter(p -> finite(p, x.measure()) && finite(p, y.measure())).toList();
        if (points.isEmpty()) {
            return Optional.empty();
        }
        double[][] values = new double[points.size()][];
        for (int i = 0; i < points.size(); i++) {
            values[i] = new double[] {points.get(i).measures().get(x.measure()), points.get(i).measures().get(y.measure())};
        }
        List<Integer> front = ParetoFront.of(values, x.goal(), y.goal());
        List<Boolean> onFront = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            onFront.add(front.contains(i));
        }
        return Optional.of(new Front(id, title, x, y, points, onFront));
    }

    private static boolean finite(SweepResults.Point point, String measure) {
        return point.measure(measure).filter(Double::isFinite).isPresent();
    }
}
