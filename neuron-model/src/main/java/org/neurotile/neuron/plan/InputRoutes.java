package org.neurotile.neuron.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.neurotile.neuron.layers.ConvCut;
import org.neurotile.neuron.layers.LayerKernel;

/**
 * Which values of the layer below each slice of a layer reads: the receivers grouped by the input
 * ranges their kernel gives ({@link LayerKernel#inputRanges}, in CHW order, turned into the
 * sending layer's order by {@link Mapping#stored}), so a sender sends each group the
 * words it holds of that group's ranges as one message (a multicast to the group). A dense layer
 * reads everything, so each sender sends its whole slice to every receiver in one message; a
 * convolution slice reads only the rows its windows need (its halo among them), from the tiles
 * that hold them.
 */
public final class InputRoutes {
    private final List<long[]> rangesOfGroup = new ArrayList<>();
    private final List<int[]> receiversOfGroup = new ArrayList<>();

    private InputRoutes() {
    }

    /**
     * The routes into {@code receivers} (placements of layer {@code layer}, their tasks aligned with
     * them) from the layer below, read by {@code kernel}.
     */
    public static InputRoutes of(LayerKernel kernel, Mapping mapping, int layer, List<Placement> receivers,
                                 int[] receiverTasks) {
        ConvCut cut = mapping.cut(layer);
        return of(receivers, receiverTasks,
                p -> mapping.stored(layer - 1, kernel.inputRanges(p.first(), p.count(), cut)));
    }

    /** The routes of a residual add into {@code receivers} of layer {@code layer}: the added values each reads. */
    public static InputRoutes added(LayerKernel kernel, Mapping mapping, int layer, List<Placement> receivers,
                                    int[] receiverTasks) {
        ConvCut cut = mapping.cut(layer);
        return of(receivers, receiverTasks,
                p -> mapping.stored(kernel.addedFrom(), kernel.addedRanges(p.first(), p.count(), cut)));
    }

    /**
     * The routes into {@code receivers} (their tasks aligned with their placements), each reading
     * the ranges {@code read} gives it of a layer's values in stored order.
     */
    public static InputRoutes of(List<Placement> receivers, int[] receiverTasks, Function<Placement, long[]> read) {
        Map<Ranges, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < receivers.size(); i++) {
            groups.computeIfAbsent(new Ranges(read.apply(receivers.get(i))), k -> new ArrayList<>())
                    .add(receiverTasks[i]);
        }
        InputRoutes routes = new InputRoutes();
        for (Map.Entry<Ranges, List<Integer>> group : groups.entrySet()) {
            routes.rangesOfGroup.add(group.getKey().ranges);
            routes.receiversOfGroup.add(group.getValue().stream().mapToInt(Integer::intValue).toArray());
        }
        return routes;
    }

    /** Sends, from {@code sender} holding values {@code first .. first + count - 1}, what each group reads of them. */
    public void send(TaskGraph graph, int sender, long first, long count) {
        for (int g = 0; g < rangesOfGroup.size(); g++) {
            long words = overlap(rangesOfGroup.get(g), first, first + count);
            if (words > 0) {
                graph.send(sender, receiversOfGroup.get(g), words);
            }
        }
    }

    /** Words of {@code ranges} ({start, end} pairs, ascending) inside {@code [from, to)}. */
    public static long overlap(long[] ranges, long from, long to) {
        int low = 0;
        int high = ranges.length / 2;
        while (low < high) { // the first range that ends after from
            int middle = (low + high) >>> 1;
            if (ranges[2 * middle + 1] <= from) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        long words = 0;
        for (int r = low; r < ranges.length / 2 && ranges[2 * r] < to; r++) {
            words += Math.min(to, ranges[2 * r + 1]) - Math.max(from, ranges[2 * r]);
        }
        return words;
    }

    /** Input ranges as a map key. */
    private record Ranges(long[] ranges) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Ranges that && Arrays.equals(ranges, that.ranges);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(ranges);
        }

        @Override
        public String toString() {
            return Arrays.toString(ranges);
        }
    }
}
