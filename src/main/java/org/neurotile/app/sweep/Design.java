package org.neurotile.app.sweep;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.config.ConfigValue;
import org.neurotile.sim.random.RandomStreams;

/**
 * How the parameters combine into points: every combination ({@code product}, the last parameter
 * changing fastest), the i-th value of each ({@code zip}), or N points drawn by a seeded design
 * (random or Latin hypercube), each parameter from its own random stream so that adding one does
 * not move the others' draws.
 */
public sealed interface Design permits Design.Product, Design.Zip, Design.Sample {
    /** The most points a sweep may have. */
    int MAX_POINTS = 1_000_000;

    /** Each point's value of each parameter, in the parameters' order. */
    List<List<ConfigValue.Scalar>> points(String file, List<Parameter> parameters);

    /** Every combination of the parameters' values. */
    record Product() implements Design {
        @Override
        public List<List<ConfigValue.Scalar>> points(String file, List<Parameter> parameters) {
            long count = 1;
            for (Parameter p : parameters) {
                count *= levels(file, p, "product").size();
                if (count > MAX_POINTS) {
                    throw new InvalidInputException(file + ":" + p.line() + ": the product of the parameters up to '"
                            + p.name() + "' has more than " + MAX_POINTS + " points, the limit of a sweep");
                }
            }
            List<List<ConfigValue.Scalar>> points = new ArrayList<>();
            for (int index = 0; index < count; index++) {
                ConfigValue.Scalar[] point = new ConfigValue.Scalar[parameters.size()];
                int rest = index;
                for (int j = parameters.size() - 1; j >= 0; j--) {
                    List<ConfigValue.Scalar> values = levels(file, parameters.get(j), "product");
                    point[j] = values.get(rest % values.size());
                    rest /= values.size();
                }
                points.add(List.of(point));
            }
            return points;
        }
    }

    /** The i-th values of every parameter together; the lists must have the same length. */
    record Zip() implements Design {
        @Override
        public List<List<ConfigValue.Scalar>> points(String file, List<Parameter> parameters) {
            int count = levels(file, parameters.get(0), "zip").size();
            for (Parameter p : parameters) {
                if (levels(file, p, "zip").size() != count) {
                    throw new InvalidInputException(file + ":" + p.line() + ": combine: zip needs lists of the same "
                            + "length, but '" + parameters.get(0).name() + "' has " + count + " values and '"
                            + p.name() + "' " + levels(file, p, "zip").size());
                }
            }
            List<List<ConfigValue.Scalar>> points = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                List<ConfigValue.Scalar> point = new ArrayList<>();
                for (Parameter p : parameters) {
                    point.add(levels(file, p, "zip").get(i));
                }
                points.add(List.copyOf(point));
            }
            return points;
        }
    }

    /**
     * N points drawn with {@code seed}: each parameter's position u in [0, 1) picks a level (of K,
     * the floor of u K) or a value of its interval. A Latin hypercube puts exactly one point in
     * each of the N strata [k/N, (k+1)/N) of every parameter.
     */
    record Sample(boolean latinHypercube, int count, long seed) implements Design {
        @Override
        public List<List<ConfigValue.Scalar>> points(String file, List<Parameter> parameters) {
            double[][] u = unitPositions(parameters);
            List<List<ConfigValue.Scalar>> points = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                List<ConfigValue.Scalar> point = new ArrayList<>();
                for (int j = 0; j < parameters.size(); j++) {
                    point.add(value(parameters.get(j).values(), u[j][i]));
                }
                points.add(List.copyOf(point));
            }
            return points;
        }

        /** Per parameter, each point's position in [0, 1). */
        double[][] unitPositions(List<Parameter> parameters) {
            RandomStreams streams = new RandomStreams(seed);
            double[][] u = new double[parameters.size()][count];
            for (int j = 0; j < parameters.size(); j++) {
                UniformRandomProvider random = streams.stream("sweep/" + (latinHypercube ? "latin-hypercube" : "random")
                        + "/" + parameters.get(j).name());
                int[] strata = new int[count];
                for (int i = 0; i < count; i++) {
                    strata[i] = i;
                }
                if (latinHypercube) {
                    for (int i = count - 1; i > 0; i--) {
                        int k = random.nextInt(i + 1);
                        int t = strata[i];
                        strata[i] = strata[k];
                        strata[k] = t;
                    }
                }
                for (int i = 0; i < count; i++) {
                    u[j][i] = latinHypercube ? (strata[i] + random.nextDouble()) / count : random.nextDouble();
                }
            }
            return u;
        }

        private static ConfigValue.Scalar value(Parameter.Values values, double u) {
            if (values instanceof Parameter.Levels levels) {
                return levels.values().get(Math.min(levels.values().size() - 1, (int) (u * levels.values().size())));
            }
            Parameter.Interval interval = (Parameter.Interval) values;
            return Ranges.scalar(new BigDecimal(interval.from() + u * (interval.to() - interval.from())),
                    interval.whole(), interval.line());
        }
    }

    private static List<ConfigValue.Scalar> levels(String file, Parameter parameter, String design) {
        if (parameter.values() instanceof Parameter.Levels levels) {
            return levels.values();
        }
        throw new InvalidInputException(file + ":" + parameter.line() + ": key 'vary." + parameter.name() + "' is an "
                + "interval {from, to} without step or factor, which only a sampled design (sample:) draws from; "
                + "with combine: " + design + " give a step, a factor or a list");
    }
}
