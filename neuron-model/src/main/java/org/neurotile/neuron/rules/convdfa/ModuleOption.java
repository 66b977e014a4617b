package org.neurotile.neuron.rules.convdfa;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neurotile.neuron.rules.RuleOptions;
import org.neurotile.neuron.rules.feedback.FeedbackModules;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.UserText;
import org.neurotile.workloads.Conv2d;
import org.neurotile.workloads.NetworkSpec;

/**
 * The {@code modules=} option: layer ranges separated by '/', each {@code A} or {@code A-B}, e.g.
 * {@code 1/2-3/4-6}, which must cover 1..L in order without gaps; absent, the default modules of
 * {@link #defaults}.
 *
 * @param ranges the ranges as given (first, last), empty for the default
 */
record ModuleOption(Optional<List<int[]>> ranges, String text) {
    private static final Pattern RANGE = Pattern.compile("(\\d{1,6})(?:-(\\d{1,6}))?");

    static ModuleOption option(RuleOptions options) {
        if (!options.has("modules")) {
            return new ModuleOption(Optional.empty(), "");
        }
        String text = options.textOr("modules", "");
        List<int[]> ranges = new ArrayList<>();
        for (String part : text.split("/", -1)) {
            Matcher m = RANGE.matcher(part.strip());
            if (!m.matches()) {
                throw options.invalid("modules=" + UserText.shown(text) + " is not layer ranges separated by '/'"
                        + " (valid: e.g. modules=1/2-3/4-6, covering layers 1..L in order)");
            }
            int first = Integer.parseInt(m.group(1));
            int last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
            ranges.add(new int[] {first, last});
        }
        return new ModuleOption(Optional.of(List.copyOf(ranges)), text);
    }

    /** The modules on {@code network}: the given ranges, checked against its layers, or the defaults. */
    FeedbackModules resolve(NetworkSpec network, String given) {
        int layers = network.layerCount();
        if (ranges.isEmpty()) {
            return defaults(network);
        }
        List<int[]> list = ranges.get();
        int[] firsts = new int[list.size()];
        int expected = 1;
        for (int m = 0; m < list.size(); m++) {
            int[] range = list.get(m);
            if (range[0] != expected || range[1] < range[0] || range[1] > layers) {
                throw new InvalidInputException("rule '" + UserText.shown(given) + "': modules=" + UserText.shown(text)
                        + " must cover layers 1.." + layers + " of " + network.name()
                        + " in order without gaps or overlaps (valid: e.g. modules=1/2-" + layers + ")");
            }
            firsts[m] = range[0];
            expected = range[1] + 1;
        }
        if (expected != layers + 1) {
            throw new InvalidInputException("rule '" + UserText.shown(given) + "': modules=" + UserText.shown(text)
                    + " stops at layer " + (expected - 1) + "; they must cover layers 1.." + layers + " of "
                    + network.name() + " (valid: e.g. modules=1/2-" + layers + ")");
        }
        return FeedbackModules.startingAt(layers, firsts);
    }

    /**
     * The default modules: the top module starts at the last convolution (it and the layers above
     * it get e, as dfa); below it a module ends where the resolution drops: at layer 1, at each
     * convolution with a pool and before each strided convolution (a residual network's stages). A
     * network without convolutions is one module: dfa.
     */
    static FeedbackModules defaults(NetworkSpec network) {
        int layers = network.layerCount();
        int last = 0;
        for (int l = 1; l <= layers; l++) {
            if (network.layer(l) instanceof Conv2d) {
                last = l;
            }
        }
        List<Integer> firsts = new ArrayList<>(List.of(1));
        for (int l = 1; l < last; l++) {
            boolean ends = l == 1 || network.layer(l) instanceof Conv2d conv && conv.pool().isPresent()
                    || network.layer(l + 1) instanceof Conv2d next && next.stride() > 1;
            if (ends) {
                firsts.add(l + 1);
            }
        }
        if (last > 1 && !firsts.contains(last)) {
            firsts.add(last);
        }
        return FeedbackModules.startingAt(layers, firsts.stream().mapToInt(Integer::intValue).toArray());
    }
}
